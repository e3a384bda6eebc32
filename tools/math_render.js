// Render a batch of TeX formulas to MathML with Temml: JSON [{tex, display, where, lenient}]
// on stdin, JSON [mathml] on stdout. Any formula Temml cannot parse fails the whole
// run, except those marked lenient (search-index text, which may hold TeX-like
// strings from code), which come back as null.
//
// Line breaks: Temml groups a formula into one <mrow> per stretch that ends at a
// top-level relation or binary operator (TeX's own break points), and
// docs/assets/stylesheets/math.css lets those groups wrap, so a long formula
// breaks at "=" or "⟹" on a phone instead of being cut. Temml does that grouping
// for inline math only, so a display is rendered as inline math set in display
// style (display="block"; big operators keep their limits below).
"use strict";
const fs = require("fs");
const path = require("path");
const temml = require("temml");

const macros = JSON.parse(
  fs.readFileSync(path.join(__dirname, "tex-macros.json"), "utf8"));
// Big operators put their limits below in a display, as in TeX's display mode
const LIMITS = /\\(sum|prod|max|min|lim|sup|inf)(?![a-zA-Z])(?!\s*\\(?:no)?limits)/g;
// A group that ends in an invisible operator (function application after
// "tr", say) must not end a line: "tr" and its argument stay together
const NO_BREAK_AFTER = /<mo>[\u2061\u2062\u2063\u2064]<\/mo><\/mrow>$/;

// The top-level children of <math>...</math>, as strings
function children(math) {
  const open = math.indexOf(">") + 1;
  const inner = math.slice(open, math.lastIndexOf("</math>"));
  const parts = [];
  let depth = 0, start = 0;
  for (const tag of inner.matchAll(/<(\/?)[a-z]+\b[^>]*?(\/?)>/g)) {
    if (tag[2]) continue;  // self-closing
    depth += tag[1] ? -1 : 1;
    if (depth === 0) {
      parts.push(inner.slice(start, tag.index + tag[0].length));
      start = tag.index + tag[0].length;
    }
  }
  return { head: math.slice(0, open), parts };
}

function keepTogether(math) {
  const { head, parts } = children(math);
  const merged = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last !== undefined && NO_BREAK_AFTER.test(last)) {
      merged[merged.length - 1] = last.slice(0, -"</mrow>".length) + part.replace(/^<mrow>/, "").replace(/<\/mrow>$/, "") + "</mrow>";
    } else {
      merged.push(part);
    }
  }
  return head + merged.join("") + "</math>";
}

function render(tex, display) {
  const source = display ? tex.replace(LIMITS, "\\$1\\limits") : tex;
  const math = temml.renderToString(source, {
    displayMode: false,
    wrap: "tex",
    throwOnError: true,
    strict: true,
    trust: false,
    // Copies, so that \gdef in one formula cannot leak into the next
    macros: { ...macros },
  });
  const wrapped = keepTogether(math);
  return display
    ? wrapped.replace(/^<math>/, '<math display="block" class="tml-display">')
    : wrapped;
}

const formulas = JSON.parse(fs.readFileSync(0, "utf8"));
const failures = [];
const out = formulas.map(({ tex, display, where, lenient }) => {
  try {
    return render(tex, display);
  } catch (err) {
    if (lenient) return null;
    failures.push(`${where}: ${err.message}\n    ${tex}`);
    return null;
  }
});
if (failures.length) {
  process.stderr.write(`Temml could not render ${failures.length} formula(s):\n`);
  process.stderr.write(failures.join("\n") + "\n");
  process.exit(1);
}
process.stdout.write(JSON.stringify(out));
