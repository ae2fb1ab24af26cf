// One run of the hidden suite in a sandbox: `vitest run` with the JSON reporter, watched so that a
// stuck run is stopped, then the report read into a TestReport.
import { testNameFromFullName, type TestOutcome, type TestReport } from "../report";
import { inSeconds, stoppedReport, type RunSoFar } from "../worker/timeout-report";
import { SandboxFailure } from "./availability";
import { DETAILS_REPORT, EXERCISE_DIR, JSON_REPORT, vitestRun } from "./layout";
import { ProgressSplitter, type ProgressEvent } from "./progress";
import type { Sandbox } from "./runtime";
import { readDetails, readJsonReport, reportFromVitestRun, type RunDetails } from "./vitest-json";

export type OutputEvent = { type: "run-start"; command: string } | { type: "text"; text: string };

export interface RunRequest {
  timeoutMs: number;
  /** From starting vitest to its first progress line (vitest's own start-up in the sandbox). */
  vitestStartMs: number;
  /** When the run began (performance.now()), for its duration. */
  began: number;
  /** The workspace's file paths (learner's files and tests/…), to point a message at its place. */
  paths?: readonly string[];
  /** Run with the trace capture's setup file (its files are in the exercise folder). */
  trace?: boolean;
}

/** Added to the time limit while no test is running (a file loading): vitest starts a fresh worker
 *  for each file and compiles what it imports, which can take a loaded laptop seconds. */
const FILE_LOAD_ALLOWANCE_MS = 15_000;

/** vitest's own word on a test that timed out comes in a batch, a moment after the limit. */
const RESULT_GRACE_MS = 1000;

/** How long a run waits for the rest of vitest's output after it exited. */
const OUTPUT_GRACE_MS = 1000;

function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((done) => (timer = setTimeout(done, ms)));
  return Promise.race([promise.then(() => undefined), waited]).finally(() => clearTimeout(timer));
}

/** A test that ended before a run was stopped, from its progress line (its details died with vitest). */
function outcomeOfProgress(event: Extract<ProgressEvent, { event: "test-done" }>): TestOutcome {
  const name = testNameFromFullName(event.name);
  if (event.state === "passed") return { name, status: "pass" };
  return { name, status: "fail", message: event.message ?? `test ${event.state}` };
}

export async function runVitest(
  sandbox: Sandbox,
  request: RunRequest,
  emit: (event: OutputEvent) => void,
): Promise<TestReport> {
  await sandbox.rm(JSON_REPORT);
  await sandbox.rm(DETAILS_REPORT);
  const run = vitestRun(request.timeoutMs, request.trace);
  emit({ type: "run-start", command: ["vitest", ...run.args.slice(1)].join(" ") });
  const process = await sandbox.spawn(run.command, run.args, { env: run.env });

  const seen: RunSoFar = { tests: [], output: "", file: "" };
  let stopped: "timeout" | "no-start" | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A watchdog: vitest must start within its limit; then a test that started must end (or the next
  // start) within the time limit, and a file may take a while longer to load. An endless loop stops
  // all progress.
  const watch = (ms: number, reason: "timeout" | "no-start") => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stopped = reason;
      process.kill();
    }, ms);
  };
  watch(request.vitestStartMs, "no-start");
  // Tests that started and have not ended. Starts come at once (the setup file) and again in
  // vitest's batches, ends only in batches: a test's end may arrive after the next one started.
  const started: string[] = [];
  const onEvent = (event: ProgressEvent) => {
    if (event.event === "file" || event.event === "collected") seen.file = event.path;
    else if (event.event === "test-start") {
      const name = testNameFromFullName(event.name);
      if (!started.includes(name)) {
        started.push(name);
        // The time limit counts from a test's start; vitest fails a test whose promise never
        // settles at that limit itself, so its word arrives first, and only a blocked test is killed.
        watch(request.timeoutMs + RESULT_GRACE_MS, "timeout");
      }
    } else {
      const outcome = outcomeOfProgress(event);
      const at = started.indexOf(outcome.name);
      if (at >= 0) started.splice(at, 1);
      seen.tests.push(outcome);
    }
    seen.running = started.at(-1);
    // No test running: a file may be loading. Late news of other tests never extends a test's limit.
    if (started.length === 0) watch(request.timeoutMs + FILE_LOAD_ALLOWANCE_MS, "timeout");
  };
  const splitter = new ProgressSplitter(onEvent, (text) => emit({ type: "text", text }));
  const reading = process.output
    .pipeTo(new WritableStream({ write: (chunk) => splitter.push(chunk) }))
    .catch(() => undefined);
  const exitCode = await process.exit;
  clearTimeout(timer);
  // The last output arrives just after the exit; a stream that never closes must not hold the run.
  await settledWithin(reading, OUTPUT_GRACE_MS);
  splitter.flush();
  const durationMs = performance.now() - request.began;

  if (stopped === "timeout") {
    return { ...stoppedReport("timeout", request.timeoutMs, seen), engine: "webcontainer", durationMs };
  }
  if (stopped === "no-start")
    throw new SandboxFailure(
      `vitest did not start within ${inSeconds(request.vitestStartMs)} in the sandbox`,
    );
  let json;
  try {
    json = readJsonReport(await sandbox.readFile(JSON_REPORT));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new SandboxFailure(`vitest exited with code ${exitCode} and left no readable JSON report (${why})`);
  }
  let details: RunDetails | undefined;
  try {
    details = readDetails(await sandbox.readFile(DETAILS_REPORT));
  } catch {
    details = undefined; // the JSON report alone still gives every test's name, status and message
  }
  return reportFromVitestRun(json, details, `${sandbox.workdir}/${EXERCISE_DIR}`, durationMs, request.paths);
}
