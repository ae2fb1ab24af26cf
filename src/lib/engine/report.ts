// The result model every test engine returns (worker, WebContainer, Node vitest), so the UI, the CLI
// and the parity check compare like with like.
import type { TestTrace } from "../trace/model";

export type EngineName = "worker" | "webcontainer" | "node";

export interface TestOutcome {
  /** The test's full name: describe blocks and the test, joined by " › ". */
  name: string;
  status: "pass" | "fail";
  /** What went wrong, in the words of the failed assertion or the thrown error. */
  message?: string;
  /** For equality failures: what the test expected and what the code produced, printed. */
  expected?: string;
  actual?: string;
  /** What the test's flows did (the steps of the provided core), when the run was asked to trace. */
  trace?: TestTrace;
}

export interface TestReport {
  engine: EngineName;
  /** error: the suite could not run (syntax error, failed import); timeout: the run was stopped. */
  status: "pass" | "fail" | "error" | "timeout";
  durationMs: number;
  tests: TestOutcome[];
  /** Console output of the learner's code and of the suite, plus any error that stopped the run. */
  output: string;
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

/** The plain summary line shown to learners and printed by the CLI. */
export function summarize(report: Pick<TestReport, "tests">): string {
  const passed = report.tests.filter((test) => test.status === "pass").length;
  return `${passed} passed, ${report.tests.length - passed} failed`;
}

/** pass only when tests ran and none failed. */
export function statusOf(tests: TestOutcome[]): "pass" | "fail" {
  return tests.length > 0 && tests.every((test) => test.status === "pass") ? "pass" : "fail";
}
