// What a learner sees when a run had to be stopped: the tests that finished, the one that was still
// running, the ones that never ran, and the likely cause in plain words.
import { engineErrorReport, type TestOutcome, type TestReport } from "../report";
import type { TestPlan } from "./collect";

export interface RunSoFar {
  tests: TestOutcome[];
  output: string;
  /** The test that had started and not finished, if any. */
  running?: string;
  /** The test file being loaded or run. */
  file: string;
  /** The suite's test names by file, when the worker sent them. */
  plan?: TestPlan;
  /** Whether the worker's event loop was free just before the stop (it kept saying so). */
  idle?: boolean;
}

/** 5000 → "5 s", 1500 → "1.5 s". */
export const inSeconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

export function timeoutMessage(
  timeoutMs: number,
  { running, file, idle = false }: Pick<RunSoFar, "running" | "file" | "idle">,
) {
  const where = running ? ` while “${running}” was running` : file ? ` while loading ${file}` : "";
  if (idle) {
    return (
      `The tests did not finish within ${inSeconds(timeoutMs)}: the code was waiting for something ` +
      `that never happened${where}. A promise that never settles (an await with nothing to resolve ` +
      "it) keeps a test waiting forever, so the run was stopped."
    );
  }
  return (
    `The tests did not finish within ${inSeconds(timeoutMs)} — did a loop never end? The code kept ` +
    `the test worker busy without a pause${where}: usually a loop whose condition never becomes ` +
    "false, or one that keeps adding to an array or a string until memory runs out. The run was stopped."
  );
}

/** The suite's tests that neither finished nor were running, in plan order. */
export function testsNotRun(plan: TestPlan | undefined, done: string[]): string[] {
  const left = new Map<string, number>();
  for (const name of done) left.set(name, (left.get(name) ?? 0) + 1);
  const notRun: string[] = [];
  for (const name of Object.values(plan ?? {}).flatMap((names) => names ?? [])) {
    const seen = left.get(name) ?? 0;
    if (seen > 0) left.set(name, seen - 1);
    else notRun.push(name);
  }
  return notRun;
}

export function stoppedReport(
  reason: "timeout" | "no-start",
  afterMs: number,
  seen: RunSoFar,
): Omit<TestReport, "durationMs"> {
  if (reason === "no-start") {
    const message = `The test worker did not start within ${inSeconds(afterMs)}. Run the tests again.`;
    return engineErrorReport("worker", message);
  }
  const tests = [...seen.tests];
  if (seen.running) {
    const message = `Stopped after ${inSeconds(afterMs)}: this test was still running.`;
    tests.push({ name: seen.running, status: "fail", message });
  }
  const message = timeoutMessage(afterMs, seen);
  const report: Omit<TestReport, "durationMs"> = {
    engine: "worker",
    status: "timeout",
    tests,
    output: `${seen.output}${message}\n`,
    problems: [{ kind: "stopped", message }],
  };
  const notRun = testsNotRun(
    seen.plan,
    tests.map((test) => test.name),
  );
  if (notRun.length > 0) report.notRun = notRun;
  return report;
}
