// Lesson 12: the same text as JSON and as YAML, and what a one-character slip does to each.
// `npx tsx content/snippets/12-structured-output/escaping.ts`
import { parse, stringify } from "yaml";

const firstLine = (error: unknown) => (error instanceof Error ? error.message.split("\n")[0] : String(error));

// #region escaping
const summary = 'Led the "Phoenix" rewrite.\nCut build times by 40%.';

console.log(JSON.stringify({ summary }));
console.log(stringify({ summary }));
// #endregion escaping

// #region slips
// Two answers a model could easily write, each a single slip away from valid JSON:
const rawNewline = String.raw`{"summary": "Led the \"Phoenix\" rewrite.
Cut build times by 40%."}`;
const bareQuotes = String.raw`{"summary": "Led the "Phoenix" rewrite.\nCut build times by 40%."}`;

for (const answer of [rawNewline, bareQuotes]) {
  try {
    JSON.parse(answer);
  } catch (error) {
    console.log("JSON:", firstLine(error));
  }
}

// The same text in YAML, written just as it reads: nothing to escape.
const yamlAnswer = `summary: |
  Led the "Phoenix" rewrite.
  Cut build times by 40%.`;
console.log("YAML:", parse(yamlAnswer));
// #endregion slips

// #region traps
// YAML has traps of its own. A value that looks like a number becomes one:
console.log(parse("phone: 0612345678")); // { phone: 612345678 }: a number, and the leading 0 is gone
// A colon followed by a space inside a plain value starts a mapping the parser refuses:
try {
  parse("title: Lead: Platform");
} catch (error) {
  console.log(firstLine(error)); // Nested mappings are not allowed in compact mappings …
}
// #endregion traps
