// Parity: every exercise's hidden suite, on its starter and on its solution (plus a few engine
// fixtures), run by Node vitest and by the worker engine in headless Chromium. Any difference in a
// test's name or status fails the check (exit 1). Also checks the worker's timeouts and speed.
import { join } from "node:path";
import { summarize, type TestReport } from "../src/lib/engine/report";
import { projectRoot } from "../src/lib/exercises/load";
import { runWithNodeVitest } from "./lib/node-vitest";
import { openHarness } from "./parity/browser";
import { differences } from "./parity/compare";
import { truthFixtures } from "./parity/fixtures";
import { caseId, suiteCases } from "./lib/suite-cases";

// `npx tsx scripts/parity.ts 06 10` checks only the exercises whose slugs start with 06 or 10.
const { cases, unreadable } = suiteCases(process.argv.slice(2), truthFixtures);
const idOf = caseId;

const nodeStarted = performance.now();
const nodeReports = await runWithNodeVitest(
  join(projectRoot, ".cache", "parity"),
  cases.map((test) => ({ id: idOf(test), files: { ...test.files, ...test.tests } })),
  { timeoutMs: Math.max(...cases.map((test) => test.timeoutMs)) },
);
const nodeMs = performance.now() - nodeStarted;

const harness = await openHarness();
const problems: string[] = [];
const rows: string[][] = [];
let workerMs = 0;
try {
  for (const test of cases) {
    const node = nodeReports.get(idOf(test));
    if (!node) throw new Error(`Node vitest gave no report for ${idOf(test)}`);
    const worker: TestReport = await harness.run(test.files, test.tests, test.timeoutMs);
    workerMs += worker.durationMs;
    const found = differences(node, worker);
    if (found.length > 0) {
      problems.push(`${idOf(test)}:\n  ${found.join("\n  ")}\n  worker output:\n${worker.output}`);
    }
    rows.push([
      test.label,
      test.variant,
      `${node.status} (${summarize(node)})`,
      `${worker.status} (${summarize(worker)})`,
      `${worker.durationMs.toFixed(0)} ms`,
      found.length === 0 ? "same" : `${found.length} differ`,
    ]);
  }
  const timeoutProblems = await harness.checkTimeouts();
  problems.push(...timeoutProblems.map((problem) => `timeouts: ${problem}`));
  const speed = await harness.measure();

  printTable(["suite", "code", "node vitest", "worker engine", "worker time", "parity"], rows);
  console.log(
    `\nNode vitest: ${(nodeMs / 1000).toFixed(1)} s for all suites in one run; ` +
      `worker engine: ${(workerMs / 1000).toFixed(1)} s, one suite after another.`,
  );
  console.log(
    `Timeouts: ${timeoutProblems.length === 0 ? "an endless loop is stopped and the next run passes" : "FAILED"}`,
  );
  console.log(
    `Small suite in Chromium (medians): cold ${speed.coldMs.toFixed(0)} ms (first run on a fresh page), ` +
      `warm ${speed.warmMs.toFixed(0)} ms (spare worker ready), ` +
      `back to back ${speed.backToBackMs.toFixed(0)} ms (waiting for a spare to boot).`,
  );
} finally {
  await harness.close();
}

if (problems.length > 0) {
  console.error(`\nThe engines disagree:\n\n${problems.join("\n\n")}`);
  process.exit(1);
}
if (unreadable.length > 0)
  console.warn(`\nNot checked (the exercise does not load):\n  ${unreadable.join("\n  ")}`);
console.log(`\nParity: ${cases.length} suites, no differences.`);

function printTable(header: string[], body: string[][]) {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ");
  console.log(line(header));
  console.log(line(widths.map((width) => "-".repeat(width))));
  for (const row of body) console.log(line(row));
}
