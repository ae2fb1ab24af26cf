// What the results area shows for one TestReport: a summary line, a headline saying what to do next,
// one row per test (with a diff for equality failures), the tests that did not run, the console
// output and, for errors, where. The report has been checked (src/lib/engine/validate.ts), so every
// text in it is already capped.
import { findLocation } from "../lib/engine/outcome";
import { summarize, type RunProblem, type SourceLocation, type TestReport } from "../lib/engine/report";
import { diffLines, type DiffLine } from "./diff";
import { plural } from "../lib/words";

export type ErrorLocation = SourceLocation;

export interface TestRow {
  name: string;
  status: "pass" | "fail";
  message?: string;
  diff?: DiffLine[];
}

export interface ResultsModel {
  status: TestReport["status"];
  /** `N passed, M failed` (and `, K did not run`). */
  summary: string;
  headline: string;
  rows: TestRow[];
  /** Tests of the suite that did not run (their file did not load, or the run stopped first). */
  notRun: string[];
  output: string;
  /** How long the engine took, as it reported. */
  durationMs: number;
  /** For errors: where, preferring the learner's files (a problem's location, else one in the output). */
  location?: ErrorLocation;
}

/** Finds `file.ts:12:5` in an error's output; a learner's file wins over test and library files. */
export function findErrorLocation(
  output: string,
  learnerFiles: readonly string[],
): ErrorLocation | undefined {
  const found: string[] = [];
  for (const match of output.matchAll(/((?:[\w.-]+\/)*[\w.-]+\.[cm]?[jt]s):\d+/g)) {
    const file = (match[1] ?? "").replace(/^(\.\/|\/)+/, "");
    if (!found.includes(file)) found.push(file);
  }
  return findLocation(output, found, learnerFiles);
}

const where = ({ file, line, column }: ErrorLocation) =>
  `${file} at line ${line}${column ? `, column ${column}` : ""}`;

const firstLine = (text: string) => {
  const line = text.split("\n", 1)[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
};

/** The files, as "a", "a and b" or "a, b and 2 more". */
function listed(files: string[]): string {
  if (files.length <= 2) return files.join(" and ");
  return `${files.slice(0, 2).join(", ")} and ${files.length - 2} more`;
}

function errorHeadline(report: TestReport, location: ErrorLocation | undefined): string {
  const problems = report.problems ?? [];
  const loads = problems.filter((problem) => problem.kind === "load");
  const [first] = problems;
  if (loads.length > 0) {
    const files = loads.flatMap((problem) => (problem.testFile ? [problem.testFile] : []));
    const cause = location
      ? `an error in ${where(location)}`
      : `an error: ${firstLine(loads[0]?.message ?? "")}`;
    if (report.tests.length === 0) return `The tests could not run: ${cause}.`;
    return `Not every test could run: ${cause} stopped ${listed(files)} from loading, so its tests did not run.`;
  }
  if (first?.kind === "unhandled") {
    return (
      `An error escaped the tests: “${firstLine(first.message)}”. A promise nobody awaited, or an error ` +
      "thrown from a timer, fails the run even when every test passes."
    );
  }
  if (first) return firstLine(first.message);
  return location
    ? `The tests could not run: an error in ${where(location)}.`
    : "The tests could not run. The error is in the output below.";
}

function headlineOf(report: TestReport, failed: number, location?: ErrorLocation): string {
  switch (report.status) {
    case "pass":
      return `All ${plural(report.tests.length, "test passes", "tests pass")}.`;
    case "fail":
      return report.tests.length === 0
        ? "No tests ran. See the output below."
        : `${plural(failed, "test fails", "tests fail")}. Start with the first failure below.`;
    case "timeout": {
      const stopped = report.problems?.find((problem) => problem.kind === "stopped");
      const last = report.output.trimEnd().split("\n").at(-1)?.trim();
      return (
        stopped?.message ??
        (last || "The run took too long and was stopped. Is there a loop that never ends?")
      );
    }
    case "error":
      return errorHeadline(report, location);
  }
}

/** Where the run went wrong: a problem's location in a learner's file first, then any other. */
function locationOf(report: TestReport, learnerFiles: readonly string[]): ErrorLocation | undefined {
  const located = (report.problems ?? []).flatMap((problem: RunProblem) => problem.location ?? []);
  return (
    located.find((location) => learnerFiles.includes(location.file)) ??
    located[0] ??
    (report.status === "error" ? findErrorLocation(report.output, learnerFiles) : undefined)
  );
}

/** The output without the stop's message at its end: the headline says it already. */
function outputBesides(report: TestReport): string {
  const output = report.output.trimEnd();
  const stopped = report.problems?.find((problem) => problem.kind === "stopped")?.message;
  if (report.status !== "timeout" || !stopped || !output.endsWith(stopped)) return output;
  return output.slice(0, output.length - stopped.length).trimEnd();
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
  const location = report.status === "error" ? locationOf(report, learnerFiles) : undefined;
  const model: ResultsModel = {
    status: report.status,
    summary: summarize(report),
    headline: headlineOf(report, failed, location),
    rows,
    notRun: report.notRun ?? [],
    output: outputBesides(report),
    durationMs: report.durationMs,
  };
  if (location) model.location = location;
  return model;
}
