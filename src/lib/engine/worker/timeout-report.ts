// What a learner sees when a run had to be stopped: the tests that finished, the one that was still
// running, and the likely cause in plain words.
import type { TestOutcome, TestReport } from "../report";

export interface RunSoFar {
  tests: TestOutcome[];
  output: string;
  /** The test that had started and not finished, if any. */
  running?: string;
  /** The test file being loaded or run. */
  file: string;
}

/** 5000 → "5 s", 1500 → "1.5 s". */
export const inSeconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

export function timeoutMessage(timeoutMs: number, { running, file }: Pick<RunSoFar, "running" | "file">) {
  const where = running ? ` while “${running}” was running` : file ? ` while loading ${file}` : "";
  return (
    `The tests did not finish within ${inSeconds(timeoutMs)} — did a loop never end? ` +
    `A loop whose condition never becomes false (or a promise that never settles) keeps the tests ` +
    `running forever, so the run was stopped${where}.`
  );
}

export function stoppedReport(
  reason: "timeout" | "no-start",
  afterMs: number,
  seen: RunSoFar,
): Omit<TestReport, "durationMs"> {
  if (reason === "no-start") {
    const output = `The test worker did not start within ${inSeconds(afterMs)}. Run the tests again.\n`;
    return { engine: "worker", status: "error", tests: [], output };
  }
  const tests = [...seen.tests];
  if (seen.running) {
    const message = `Stopped after ${inSeconds(afterMs)}: this test was still running.`;
    tests.push({ name: seen.running, status: "fail", message });
  }
  const output = `${seen.output}${timeoutMessage(afterMs, seen)}\n`;
  return { engine: "worker", status: "timeout", tests, output };
}
