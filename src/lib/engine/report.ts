// The result model every test engine returns (worker, WebContainer, Node vitest), so the UI, the CLI
// and the parity check compare like with like. DESIGN.md fixes the required fields; the optional
// ones (`problems`, `notRun`) are what every engine of this course also sends, so that a run which
// did not run every test can never read as "0 failed".
import type { TestTrace } from "../trace/model";

export type EngineName = "worker" | "webcontainer" | "node";

export interface TestOutcome {
  /** The test's full name: describe blocks and the test, joined by " › ". */
  name: string;
  status: "pass" | "fail";
  /** What went wrong, in the words of the failed assertion or the thrown error (capped in length). */
  message?: string;
  /** For equality failures: what the test expected and what the code produced, printed (capped). */
  expected?: string;
  actual?: string;
  /** What the test's flows did (the steps of the provided core), when the run was asked to trace. */
  trace?: TestTrace;
}

/** A place in a workspace file (`nodes.ts`, `tests/flow.test.ts`): 1-based line and column. */
export interface SourceLocation {
  file: string;
  line: number;
  /** Absent when only the line is known (a stack frame of code the engine transformed). */
  column?: number;
}

/**
 * Something that went wrong outside one test's assertions.
 * - `load`: a test file did not load (a syntax error, a failed import, an error thrown while the
 *   file and what it imports were evaluated), so none of its tests ran. `testFile` names it.
 * - `unhandled`: an error no test caught: a rejected promise nobody awaited, an error thrown from a
 *   timer. Tests may all have passed; vitest fails such a run, and so does every engine here.
 * - `stopped`: the run was stopped before it finished (its time limit).
 * - `engine`: the engine could not run the suite, or could not trust what it saw (the learner's
 *   code replaced a built-in the runner relies on, or the sandbox sent a malformed report).
 */
export interface RunProblem {
  kind: "load" | "unhandled" | "stopped" | "engine";
  /** What went wrong, in words. */
  message: string;
  /** For `load`: the test file that did not load (`tests/nodes.test.ts`). */
  testFile?: string;
  /** Where the error was raised, when the engine knows (a learner's file is preferred). */
  location?: SourceLocation;
}

export interface TestReport {
  engine: EngineName;
  /**
   * pass: tests ran and every one passed, and nothing else went wrong. fail: some test failed.
   * error: not every test could run (a file did not load) or an error escaped the tests; see
   * `problems`. timeout: the run was stopped at its time limit. Computed by `runStatus`.
   */
  status: "pass" | "fail" | "error" | "timeout";
  durationMs: number;
  /** The tests that ran, in file order. */
  tests: TestOutcome[];
  /** Console output of the learner's code and of the suite, plus any error that stopped the run. */
  output: string;
  /** Optional: what went wrong outside the tests (see RunProblem); absent or empty when nothing did. */
  problems?: RunProblem[];
  /**
   * Optional: tests of the suite that did not run, by name: those of a file that did not load (when
   * the engine could collect them without the learner's code) and those still waiting when the
   * run was stopped.
   */
  notRun?: string[];
}

export interface TestEngine {
  name: EngineName;
  run(
    files: Record<string, string>,
    tests: Record<string, string>,
    /** trace: record each test's steps of the provided core (pocketflow.ts), parts 2 and 3. */
    opts: { timeoutMs: number; trace?: boolean },
  ): Promise<TestReport>;
}

/** A test's name as learners see it: its describe blocks and itself, joined by " › ". */
export function testName(path: readonly string[]): string {
  return path.join(" › ");
}

/** The same name from Node vitest's `TestCase.fullName`, which joins the parts with " > ". */
export const testNameFromFullName = (fullName: string) => testName(fullName.split(" > "));

/** The plain summary line shown to learners and printed by the CLI: "14 passed, 0 failed, 6 did not run". */
export function summarize(report: Pick<TestReport, "tests" | "notRun">): string {
  const passed = report.tests.filter((test) => test.status === "pass").length;
  const notRun = report.notRun?.length ?? 0;
  const line = `${passed} passed, ${report.tests.length - passed} failed`;
  return notRun > 0 ? `${line}, ${notRun} did not run` : line;
}

/** pass only when tests ran and none failed. */
export function statusOf(tests: TestOutcome[]): "pass" | "fail" {
  return tests.length > 0 && tests.every((test) => test.status === "pass") ? "pass" : "fail";
}

/** The status every engine gives a run: a stop is a timeout, any other problem an error. */
export function runStatus(report: Pick<TestReport, "tests" | "problems">): TestReport["status"] {
  const problems = report.problems ?? [];
  if (problems.some((problem) => problem.kind === "stopped")) return "timeout";
  if (problems.length > 0) return "error";
  return statusOf(report.tests);
}

/** A run the engine could not do, or could not trust: an error with that one `engine` problem. */
export function engineErrorReport(engine: EngineName, message: string, durationMs = 0): TestReport {
  return {
    engine,
    status: "error",
    durationMs,
    tests: [],
    output: `${message}\n`,
    problems: [{ kind: "engine", message }],
  };
}
