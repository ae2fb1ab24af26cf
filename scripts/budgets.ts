// `npm run budgets`, after `npm run build`: measures the built site against scripts/budgets/limits.ts,
// prints every figure beside its limit, and fails on any over it. `--no-lighthouse` skips Lighthouse.
import { fileURLToPath } from "node:url";
import { startPreview } from "../e2e/preview-server";
import { CATEGORIES, lighthouseScores } from "./budgets/lighthouse";
import { LIMITS } from "./budgets/limits";
import { measureSite, type PageFigures } from "./budgets/measure";

const root = fileURLToPath(new URL("..", import.meta.url));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Line {
  what: string;
  figure: string;
  limit: string;
  ok: boolean;
}
const lines: Line[] = [];
const check = (what: string, value: number, limit: number, format = kb, atLeast = false) =>
  lines.push({
    what,
    figure: format(value),
    limit: `${atLeast ? "≥" : "≤"} ${format(limit)}`,
    ok: atLeast ? value >= limit : value <= limit,
  });

const site = await measureSite(`${root}dist`);
const largest = (key: "html" | "css" | "js") =>
  site.pages.reduce((max, page) => (page[key] > max[key] ? page : max), site.pages[0] as PageFigures);

for (const [key, limit, label] of [
  ["html", LIMITS.htmlPerPage, "HTML per page"],
  ["css", LIMITS.cssPerPage, "CSS per page"],
  ["js", LIMITS.jsBeforeInteraction, "JS before interaction"],
] as const) {
  const page = largest(key);
  check(`${label} (largest: ${page.page})`, page[key], limit);
}
for (const [name, group] of Object.entries(site.groups)) {
  const limit = LIMITS.groups[name];
  if (limit === undefined)
    throw new Error(`no limit for the budget group "${name}" in scripts/budgets/limits.ts`);
  check(`${name} chunks (${group.files.length} files)`, group.bytes, limit);
}

if (!process.argv.includes("--no-lighthouse")) {
  const server = await startPreview(root);
  try {
    const { calibration, scores } = await lighthouseScores(
      LIMITS.lighthousePages.map((path) => server.url + path),
      LIMITS.lighthouse,
    );
    console.log(
      `Lighthouse: this machine's benchmark index is ${calibration.benchmarkIndex}; ` +
        `CPU slowdown ${calibration.cpuSlowdownMultiplier}x (4x on a benchmark of 1500 or more).`,
    );
    for (const [url, score] of scores) {
      for (const category of CATEGORIES) {
        check(
          `Lighthouse ${category}: ${new URL(url).pathname}`,
          score[category],
          LIMITS.lighthouse,
          String,
          true,
        );
      }
    }
  } finally {
    await server.stop();
  }
}

const width = Math.max(...lines.map((line) => line.what.length));
for (const line of lines) {
  console.log(
    `${line.ok ? "ok  " : "OVER"}  ${line.what.padEnd(width)}  ${line.figure.padStart(9)}  ${line.limit}`,
  );
}
const over = lines.filter((line) => !line.ok);
console.log(
  over.length === 0
    ? `\nAll ${lines.length} budgets met.`
    : `\n${over.length} of ${lines.length} budgets broken.`,
);
process.exitCode = over.length === 0 ? 0 : 1;
