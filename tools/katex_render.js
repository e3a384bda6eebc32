// Render a batch of TeX formulas with KaTeX: JSON [{tex, display}] on stdin,
// JSON [html] on stdout. Any formula KaTeX cannot parse fails the whole run.
"use strict";
const fs = require("fs");
const path = require("path");
const katex = require("katex");

const macros = JSON.parse(
  fs.readFileSync(path.join(__dirname, "katex-macros.json"), "utf8"));
const formulas = JSON.parse(fs.readFileSync(0, "utf8"));
const failures = [];
const html = formulas.map(({ tex, display, where }) => {
  try {
    return katex.renderToString(tex, {
      displayMode: display,
      output: "htmlAndMathml",
      throwOnError: true,
      strict: "error",
      trust: false,
      // Copies, so that \gdef in one formula cannot leak into the next
      macros: { ...macros },
    });
  } catch (err) {
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
