// What the results area shows for one TestReport: a summary line, a headline saying what to do next,
// one row per test (with a diff for equality failures), the console output and, for errors, where.
import { summarize, type TestReport } from "../lib/engine/report";
import { diffLines, type DiffLine } from "./diff";

export interface ErrorLocation {
  file: string;
  line: number;
  column: number;
}

export interface TestRow {
  name: string;
  status: "pass" | "fail";
  message?: string;
  diff?: DiffLine[];
}

export interface ResultsModel {
  status: TestReport["status"];
  /** `N passed, M failed`. */
  summary: string;
  headline: string;
  rows: TestRow[];
  output: string;
  /** How long the engine took, as it reported. */
  durationMs: number;
  /** For errors: the first file:line:column found in the output, preferring the learner's files. */
  location?: ErrorLocation;
}

const LOCATION = /(?:^|[\s("'/])((?:[\w.-]+\/)*[\w.-]+\.[cm]?[jt]s):(\d+):(\d+)/gm;

/** Finds `file.ts:12:5` in an error's output; a learner's file wins over test and library files. */
export function findErrorLocation(
  output: string,
  learnerFiles: readonly string[],
): ErrorLocation | undefined {
  const found: ErrorLocation[] = [];
  for (const match of output.matchAll(LOCATION)) {
    const [, file = "", line = "0", column = "0"] = match;
    found.push({ file: file.replace(/^(\.\/|\/)+/, ""), line: Number(line), column: Number(column) });
  }
  return found.find((location) => learnerFiles.includes(location.file)) ?? found[0];
}

/** The engine's own words about a timeout (its last line names the likely cause), else ours. */
function timeoutHeadline(output: string): string {
  const last = output.trimEnd().split("\n").at(-1)?.trim();
  return last || "The run took too long and was stopped. Is there a loop that never ends?";
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function headlineOf(report: TestReport, failed: number, location?: ErrorLocation): string {
  switch (report.status) {
    case "pass":
      return `All ${plural(report.tests.length, "test passes", "tests pass")}.`;
    case "fail":
      return report.tests.length === 0
        ? "No tests ran. See the output below."
        : `${plural(failed, "test fails", "tests fail")}. Start with the first failure below.`;
    case "timeout":
      return timeoutHeadline(report.output);
    case "error":
      return location
        ? `The tests could not run: an error in ${location.file} at line ${location.line}, column ${location.column}.`
        : "The tests could not run. The error is in the output below.";
  }
}

export function resultsModel(report: TestReport, learnerFiles: readonly string[]): ResultsModel {
  const rows = report.tests.map((test): TestRow => {
    const row: TestRow = { name: test.name, status: test.status };
    if (test.status === "fail") {
      if (test.message) row.message = test.message;
      if (test.expected !== undefined && test.actual !== undefined) {
        row.diff = diffLines(test.expected, test.actual);
      }
    }
    return row;
  });
  const failed = rows.filter((row) => row.status === "fail").length;
  const location = report.status === "error" ? findErrorLocation(report.output, learnerFiles) : undefined;
  const model: ResultsModel = {
    status: report.status,
    summary: summarize(report),
    headline: headlineOf(report, failed, location),
    rows,
    output: report.output.trimEnd(),
    durationMs: report.durationMs,
  };
  if (location) model.location = location;
  return model;
}
