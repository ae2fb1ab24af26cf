// Entry of the test worker bundle. A worker serves exactly one run and is then thrown away, so no
// state of one learner run (globals, pending timers, patched prototypes) leaks into the next.
import { errorInWords } from "../outcome";
import { engineErrorReport, type TestReport } from "../report";
import { grade, prepareRun, type GradeRequest, type Prepared } from "./grade";
import { guardRealm } from "./guard";
import { WARM_UP_ROUNDS } from "./warm-up";
import { HEARTBEAT_MS, type RunMessage, type WorkerRunMessage, type WorkerSignal } from "./protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRunMessage>) => void) | null;
  postMessage(message: WorkerSignal): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
// Taken now, before any learner code can exist in this worker: the run's messages go out through
// these, whatever the learner's code later does to MessagePort, JSON or the timers.
const guard = guardRealm(globalThis);
const { setInterval, clearInterval } = globalThis;

function subscribeUnhandled(listener: (error: unknown) => void) {
  const onRejection = (event: Event) => {
    event.preventDefault();
    listener((event as PromiseRejectionEvent).reason);
  };
  const onError = (event: Event) => {
    event.preventDefault();
    listener((event as ErrorEvent).error ?? (event as ErrorEvent).message);
  };
  scope.addEventListener("unhandledrejection", onRejection);
  scope.addEventListener("error", onError);
  return () => {
    scope.removeEventListener("unhandledrejection", onRejection);
    scope.removeEventListener("error", onError);
  };
}

const now = () => performance.timeOrigin + performance.now();

/** A run: the worker's one and only; afterwards the page has it terminated. */
async function run(request: GradeRequest, port: MessagePort) {
  scope.onmessage = null;
  const receivedAt = now();
  const send = (message: RunMessage) => guard.post(port, message);
  send({ type: "started" });
  // While the worker's event loop is free it says so; a loop that never ends silences it.
  const heartbeat = setInterval(() => send({ type: "alive" }), HEARTBEAT_MS);
  let report: TestReport;
  const timings = { prepare: 0, transform: 0, collect: 0, run: 0 };
  try {
    report = await grade(request, {
      onEvent: send,
      subscribeUnhandled,
      checkIntegrity: guard.checkIntegrity,
      timings,
    });
  } catch (error) {
    const message = `The test engine failed: ${errorInWords(error)}`;
    report = engineErrorReport("worker", message);
  }
  clearInterval(heartbeat);
  // One string: the page checks its length before it parses anything.
  const text = guard.stringify(report);
  send({ type: "result", report: text, timings: { ...timings, receivedAt, sentAt: now() } });
}

/** What this worker prepared ahead of its run, for the run to take (if its files are the same). */
let preparedHere: { request: GradeRequest; prepared: Prepared } | undefined;

/** Compiles and plans a suite ahead of its run: no learner code runs, so the worker stays fresh. */
async function prepareOnly(request: GradeRequest, port: MessagePort) {
  try {
    const prepared = await prepareRun(request);
    preparedHere = { request, prepared };
    guard.post(port, { type: "prepared", ...prepared } satisfies RunMessage);
  } finally {
    port.close();
  }
}

/** The request, with what this worker prepared for the same files and suite. */
function withPreparedHere(request: GradeRequest): GradeRequest {
  if (!preparedHere) return request;
  const { request: earlier, prepared } = preparedHere;
  const compiled: Record<string, string> = { ...request.compiled };
  const sources: Record<string, string> = { ...request.files, ...request.tests };
  const before: Record<string, string | undefined> = { ...earlier.files, ...earlier.tests };
  for (const [path, code] of Object.entries({ ...earlier.compiled, ...prepared.compiled })) {
    if (sources[path] !== undefined && sources[path] === before[path]) compiled[path] ??= code;
  }
  const sameSuite =
    Object.keys(request.tests).length === Object.keys(earlier.tests).length &&
    Object.entries(request.tests).every(([path, source]) => earlier.tests[path] === source);
  return {
    ...request,
    compiled,
    ...(sameSuite && !request.plan && prepared.plan ? { plan: prepared.plan } : {}),
  };
}

// A new worker warms up (warm-up.ts): a quick round before it says it is ready, and the others once
// it has waited a while with nothing to do (a learner who presses Run at once should not wait for a
// round). A run or a preparation that comes during a round waits for that round only, and ends
// the warm-up.
const IDLE_BEFORE_WARMING_MS = 300;
let warming: Promise<unknown> = Promise.resolve();
let asked = false;
const [quickRound, ...laterRounds] = WARM_UP_ROUNDS;
warming = (quickRound ? grade(quickRound, {}) : Promise.resolve()).catch(() => undefined);
void warming.then(() => {
  scope.postMessage({ type: "booted" });
  setTimeout(async () => {
    for (const request of laterRounds) {
      if (asked) break;
      warming = grade(request, {}).catch(() => undefined);
      await warming;
    }
  }, IDLE_BEFORE_WARMING_MS);
});

scope.onmessage = async (event) => {
  const [port] = event.ports;
  const message = event.data;
  if (!port || (message?.type !== "run" && message?.type !== "prepare")) return;
  asked = true;
  await warming;
  if (message.type === "run") await run(withPreparedHere(message.request), port);
  else await prepareOnly(message.request, port);
};
