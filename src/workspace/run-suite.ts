// One run of an exercise's hidden suite as the workspace sees it: the engine runs learner code and
// is not trusted, so its report is checked before anything is drawn, and an engine that cannot load
// or start becomes an error report that says so.
import type { TestReport } from "../lib/engine/report";
import { refusedReport, trustedReport } from "../lib/engine/validate";
import type { PreparedEngine } from "./engine";
import type { Files } from "./types";

export interface SuiteRun {
  files: Files;
  tests: Files;
  timeoutMs: number;
  /** Record each test's steps of the provided core (parts 2 and 3). */
  trace: boolean;
}

export async function runCheckedSuite(
  engine: () => Promise<PreparedEngine>,
  { files, tests, timeoutMs, trace }: SuiteRun,
): Promise<TestReport> {
  let name: TestReport["engine"] = "worker";
  try {
    const started = await engine();
    name = started.name;
    return trustedReport(await started.run(files, tests, { timeoutMs, trace }), started.name);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const output = `The tests could not start: ${message}`;
    return { engine: name, status: "error", durationMs: 0, tests: [], output };
  }
}

/** The report drawn by `draw`; if drawing fails, the refusal that says why is drawn instead, so the
 *  page never stays on "Running the tests…". */
export function drawOrRefuse(report: TestReport, draw: (report: TestReport) => void): void {
  try {
    draw(report);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    draw(refusedReport(report.engine, why));
  }
}
