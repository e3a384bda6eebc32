// Render a batch of TeX formulas with KaTeX: JSON [{tex, display, where, mathml}]
// on stdin, JSON [html] on stdout. Any formula KaTeX cannot parse fails the whole
// run, except those marked mathml (MathML only, for the search index), which come
// back as null.
"use strict";
const fs = require("fs");
const path = require("path");
const katex = require("katex");

const macros = JSON.parse(
  fs.readFileSync(path.join(__dirname, "katex-macros.json"), "utf8"));
const formulas = JSON.parse(fs.readFileSync(0, "utf8"));
const failures = [];
const html = formulas.map(({ tex, display, where, mathml }) => {
  try {
    return katex.renderToString(tex, {
      displayMode: display,
      output: mathml ? "mathml" : "htmlAndMathml",
      throwOnError: true,
      strict: "error",
      trust: false,
      // Copies, so that \gdef in one formula cannot leak into the next
      macros: { ...macros },
    });
  } catch (err) {
    if (mathml) return null;
    failures.push(`${where}: ${err.message}\n    ${tex}`);
    return null;
  }
});
if (failures.length) {
  process.stderr.write(`KaTeX could not render ${failures.length} formula(s):\n`);
  process.stderr.write(failures.join("\n") + "\n");
  process.exit(1);
}
process.stdout.write(JSON.stringify(html));
