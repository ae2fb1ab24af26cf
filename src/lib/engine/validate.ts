// The page's check of what an engine sends: an engine's sandbox runs learner code and is not
// trusted. A report is read field by field, every text capped, every count bounded; its status is
// recomputed from what it contains (a sandbox cannot claim "pass" beside a failing test); anything
// else is refused as a whole. Cheap by construction: the size of a report's text is checked before
// it is parsed, and the rest is one pass over bounded arrays.
import { readTestTrace } from "../trace/model";
import { capMessage, capText, capValue } from "./outcome";
import {
  engineErrorReport,
  runStatus,
  type EngineName,
  type RunProblem,
  type SourceLocation,
  type TestOutcome,
  type TestReport,
} from "./report";
import { isRecord } from "../words";

export const REPORT_LIMITS = {
  /** Characters of a report's JSON text; longer is refused unread. */
  jsonChars: 4_000_000,
  tests: 2_000,
  notRun: 2_000,
  problems: 50,
  nameChars: 500,
  pathChars: 300,
  outputChars: 250_000,
};

/** A report the page refuses; its message says why, for the learner. */
export class MalformedReport extends Error {
  override name = "MalformedReport";
}

function fail(why: string): never {
  throw new MalformedReport(why);
}

const optionalText = (value: unknown, what: string, cap: (text: string) => string) => {
  if (value === undefined) return undefined;
  if (typeof value !== "string") fail(`${what} is not text`);
  return cap(value);
};

const cut = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars)}…` : text);

function listOf(value: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(`${what} is not a list`);
  if (value.length > max) fail(`it lists ${value.length} ${what}; a run has at most ${max}`);
  return value;
}

export function checkTest(value: unknown): TestOutcome {
  if (
    !isRecord(value) ||
    typeof value.name !== "string" ||
    (value.status !== "pass" && value.status !== "fail")
  )
    fail("a test has no name or status");
  const test: TestOutcome = { name: cut(value.name, REPORT_LIMITS.nameChars), status: value.status };
  const message = optionalText(value.message, "a test's message", capMessage);
  const expected = optionalText(value.expected, "a test's expected value", capValue);
  const actual = optionalText(value.actual, "a test's actual value", capValue);
  if (message !== undefined) test.message = message;
  if (expected !== undefined) test.expected = expected;
  if (actual !== undefined) test.actual = actual;
  // A trace only helps the learner read a result: one that does not check out is left out.
  const trace = value.trace === undefined ? undefined : readTestTrace(value.trace);
  if (trace) test.trace = trace;
  return test;
}

const positive = (value: unknown) => typeof value === "number" && Number.isInteger(value) && value >= 1;

function checkLocation(value: unknown): SourceLocation | undefined {
  if (!isRecord(value) || typeof value.file !== "string" || !positive(value.line)) return undefined;
  const location: SourceLocation = {
    file: cut(value.file, REPORT_LIMITS.pathChars),
    line: value.line as number,
  };
  if (positive(value.column)) location.column = value.column as number;
  return location;
}

const KINDS = new Set<RunProblem["kind"]>(["load", "unhandled", "stopped", "engine"]);

function checkProblem(value: unknown): RunProblem {
  if (!isRecord(value) || !KINDS.has(value.kind as RunProblem["kind"]) || typeof value.message !== "string")
    fail("a problem has no kind or message");
  const problem: RunProblem = { kind: value.kind as RunProblem["kind"], message: capMessage(value.message) };
  const testFile = optionalText(value.testFile, "a problem's file", (text) =>
    cut(text, REPORT_LIMITS.pathChars),
  );
  if (testFile !== undefined) problem.testFile = testFile;
  const location = checkLocation(value.location);
  if (location) problem.location = location;
  return problem;
}

const RANK: Record<TestReport["status"], number> = { pass: 0, fail: 1, error: 2, timeout: 3 };

/** The report, checked and capped, with the worse of its claimed and its recomputed status. */
export function checkReport(value: unknown, engine: EngineName): TestReport {
  if (!isRecord(value)) fail("it is not a report");
  const claimed = value.status;
  if (typeof claimed !== "string" || !(claimed in RANK))
    fail("its status is not one of pass, fail, error, timeout");
  if (typeof value.output !== "string") fail("its output is not text");
  const tests = listOf(value.tests, "tests", REPORT_LIMITS.tests).map(checkTest);
  const report: TestReport = {
    engine,
    status: "fail",
    durationMs:
      typeof value.durationMs === "number" && Number.isFinite(value.durationMs)
        ? Math.max(0, value.durationMs)
        : 0,
    tests,
    output: capText(value.output, Number.POSITIVE_INFINITY, REPORT_LIMITS.outputChars),
  };
  if (value.problems !== undefined) {
    const problems = listOf(value.problems, "problems", REPORT_LIMITS.problems).map(checkProblem);
    if (problems.length > 0) report.problems = problems;
  }
  if (value.notRun !== undefined) {
    const notRun = listOf(value.notRun, "tests that did not run", REPORT_LIMITS.notRun).map((name) =>
      typeof name === "string"
        ? cut(name, REPORT_LIMITS.nameChars)
        : fail("a test that did not run has no name"),
    );
    if (notRun.length > 0) report.notRun = notRun;
  }
  const computed = runStatus(report);
  const status = claimed as TestReport["status"];
  report.status = RANK[status] > RANK[computed] ? status : computed;
  return report;
}

/** Parses a report sent as JSON text, refusing text too long to parse without stalling the page. */
export function parseReport(text: unknown, engine: EngineName): TestReport {
  if (typeof text !== "string") fail("it is not text");
  if (text.length > REPORT_LIMITS.jsonChars)
    fail(
      `it is ${Math.round(text.length / 1e6)} MB long; a report has at most ${REPORT_LIMITS.jsonChars / 1e6} MB`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail("it is not valid JSON");
  }
  return checkReport(value, engine);
}

/** The error report that replaces one the page refused: it changes nothing but the results shown. */
export function refusedReport(engine: EngineName, why: string, durationMs = 0): TestReport {
  const message =
    `The test engine sent a report this page cannot use (${why}), so nothing is marked. ` +
    "Run the tests again; if this keeps happening, reload the page.";
  return engineErrorReport(engine, message, durationMs);
}

/** The report if it checks out, else the refusal that says why. */
export function trustedReport(value: unknown, engine: EngineName): TestReport {
  try {
    return checkReport(value, engine);
  } catch (error) {
    if (error instanceof MalformedReport) return refusedReport(engine, error.message);
    throw error;
  }
}
