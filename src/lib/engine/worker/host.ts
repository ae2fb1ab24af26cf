// The offline test engine, page side. Tests run in a Web Worker that lives inside a sandboxed
// iframe (opaque origin: learner code cannot touch the site's storage or DOM; the iframe's
// Content-Security-Policy, which its workers inherit, gives learner code no network). A run past
// its time limit is stopped by terminating its worker and reported as a timeout; the next run
// starts in a pre-booted spare worker, so the page never waits for a stuck one. Every message from
// the worker is checked before it changes anything (run-messages.ts, ../validate.ts).
import sandboxUrl from "virtual:pocketflow-test-sandbox";
import { capText } from "../outcome";
import { engineErrorReport, type TestEngine, type TestReport } from "../report";
import { MalformedReport, REPORT_LIMITS, parseReport, refusedReport } from "../validate";
import type { TestPlan } from "./collect";
import type { GradeRequest } from "./grade";
import type { ControlReply, ControlRequest, InitMessage, WorkerTimings } from "./protocol";
import { HEARTBEAT_MS, SANDBOX_LOADED } from "./protocol";
import { RunCache } from "./reuse";
import { readRunMessage } from "./run-messages";
import { inSeconds, stoppedReport, type RunSoFar } from "./timeout-report";
import { within } from "../../within";

export interface WorkerEngineOptions {
  /** Where the hidden iframe is attached: document.body unless given. */
  container?: HTMLElement;
  /** How long the sandbox may take to start before a run reports an error (ms, default 10000). */
  startTimeoutMs?: number;
  /** The worker bundle's source; by default the bundle built into the site (loaded on first use). */
  loadWorkerSource?: () => Promise<string>;
}

/** What the first run will probably get: its work before any learner code can be done ahead. */
export interface RunHint {
  files: Record<string, string>;
  tests: Record<string, string>;
}

export interface WorkerEngine extends TestEngine {
  /** Starts the sandbox and a spare worker ahead of the first run (for example when an editor
   *  shows); with a hint, the spare also compiles the files and plans the suite, which the runs of
   *  the same files and suite then reuse. */
  prepare(hint?: RunHint): Promise<void>;
  /** The names of a suite's tests per test file, collected without any learner code (stand-ins take
   *  the learner's modules): what another engine reports as not run when a file does not load.
   *  Undefined when the sandbox cannot say within its start limit. */
  plan(tests: Record<string, string>): Promise<TestPlan | undefined>;
  /** Removes the iframe and every worker in it. */
  dispose(): void;
}

/** How long a stopped run waits for a spare to name the suite's tests before it reports without. */
const PLAN_AFTER_STOP_MS = 3000;

const defaultWorkerSource = async () => (await import("virtual:pocketflow-test-worker")).default;

interface Sandbox {
  control: MessagePort;
  iframe: HTMLIFrameElement;
}

async function openSandbox(options: WorkerEngineOptions): Promise<Sandbox> {
  const source = (options.loadWorkerSource ?? defaultWorkerSource)();
  const iframe = document.createElement("iframe");
  iframe.setAttribute("sandbox", "allow-scripts");
  iframe.setAttribute("aria-hidden", "true");
  iframe.tabIndex = -1;
  iframe.title = "Test sandbox";
  iframe.hidden = true;
  iframe.src = sandboxUrl;

  let onMessage: (event: MessageEvent) => void = () => undefined;
  const loaded = new Promise<void>((resolve) => {
    onMessage = (event) => {
      if (event.source === iframe.contentWindow && event.data?.type === SANDBOX_LOADED) resolve();
    };
    window.addEventListener("message", onMessage);
  });
  (options.container ?? document.body).append(iframe);

  const channel = new MessageChannel();
  const ready = new Promise<void>((resolve, reject) => {
    channel.port1.onmessage = ({ data }: MessageEvent<ControlReply>) => {
      if (data.type === "ready") resolve();
      else reject(new Error(`The test worker could not start: ${data.message}`));
    };
  });
  const start = async () => {
    const [text] = await Promise.all([source, loaded]);
    const init: InitMessage = { type: "init", source: text };
    // An opaque origin can only be addressed as "*"; the port makes every later message private.
    iframe.contentWindow?.postMessage(init, "*", [channel.port2]);
    await ready;
  };
  const limitMs = options.startTimeoutMs ?? 10_000;
  try {
    await within(
      start(),
      limitMs,
      `The test sandbox did not start within ${inSeconds(limitMs)}. Reload the page; if it keeps ` +
        "happening, this browser may block workers in sandboxed frames.",
    );
    return { control: channel.port1, iframe };
  } catch (error) {
    iframe.remove();
    throw error;
  } finally {
    window.removeEventListener("message", onMessage);
  }
}

/** Where the last run's time went, for the workspace benchmark: a User Timing mark whose detail
 *  has the worker's phases and the legs between page and worker, in ms. */
export const PROFILE_MARK = "pocketflow:run-profile";

function markProfile(sentAt: number, receivedAt: number, checkMs: number, timings?: WorkerTimings) {
  if (!timings) return;
  const { receivedAt: workerGot, sentAt: workerSent, ...phases } = timings;
  performance.clearMarks(PROFILE_MARK);
  performance.mark(PROFILE_MARK, {
    detail: {
      ...phases,
      toWorker: workerGot - sentAt,
      inWorker: workerSent - workerGot,
      back: receivedAt - workerSent,
      check: checkMs,
    },
  });
}

export function createWorkerEngine(options: WorkerEngineOptions = {}): WorkerEngine {
  let sandbox: Promise<Sandbox> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 0;
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  const cache = new RunCache();

  const ensureSandbox = () => {
    sandbox ??= openSandbox(options).catch((error: unknown) => {
      sandbox = undefined; // the next run tries again
      throw error;
    });
    return sandbox;
  };
  const send = (box: Sandbox, message: ControlRequest, transfer: Transferable[] = []) =>
    box.control.postMessage(message, transfer);

  async function runNow(request: GradeRequest): Promise<TestReport> {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    let box: Sandbox;
    try {
      box = await ensureSandbox();
      if (!box.iframe.isConnected) {
        // The page replaced the part of the DOM that held the iframe: start a new sandbox.
        sandbox = undefined;
        box = await ensureSandbox();
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return engineErrorReport("worker", message, elapsed());
    }
    const id = ++nextId;
    const channel = new MessageChannel();
    const known = cache.planOf(request);
    const seen: RunSoFar = { tests: [], output: "", file: "", ...(known ? { plan: known } : {}) };
    const now = () => performance.timeOrigin + performance.now();
    let sentAt = 0;
    let limited = false;
    let lastAlive = Number.NEGATIVE_INFINITY;
    return new Promise<TestReport>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const finish = (report: Omit<TestReport, "durationMs">) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        channel.port1.onmessage = null;
        channel.port1.close();
        send(box, { type: "kill", id });
        resolve({ ...report, durationMs: elapsed() });
      };
      let stopping = false;
      const stop = (reason: "timeout" | "no-start") => {
        if (settled || stopping) return;
        const idle = performance.now() - lastAlive < 3 * HEARTBEAT_MS;
        const limit = reason === "timeout" ? request.timeoutMs : startTimeoutMs;
        const report = (plan: TestPlan | undefined) =>
          stoppedReport(reason, limit, { ...seen, idle, ...(plan ? { plan } : {}) });
        // A preparation beside this run may have planned the suite meanwhile.
        const known = seen.plan ?? cache.planOf(request);
        if (known || reason !== "timeout") return finish(report(known));
        // Without a plan the report could not say which tests never ran: stop the run's worker now
        // and let a spare (which runs no learner code) name the suite's tests first.
        stopping = true;
        send(box, { type: "kill", id });
        void planSuite(request.tests, PLAN_AFTER_STOP_MS).then((plan) => finish(report(plan)));
      };
      // The time limit counts from the moment the worker has the suite, not while a spare boots.
      timer = setTimeout(() => stop("no-start"), startTimeoutMs);
      channel.port1.onmessage = ({ data }: MessageEvent<unknown>) => {
        const message = readRunMessage(data);
        if (!message || settled || stopping) return; // what cannot be read changes nothing
        switch (message.type) {
          case "started":
            // Once per run: a second "started" must not restart the clock.
            if (limited) return;
            limited = true;
            clearTimeout(timer);
            timer = setTimeout(() => stop("timeout"), request.timeoutMs);
            return;
          case "alive":
            lastAlive = performance.now();
            return;
          case "prepared":
            if (message.plan) seen.plan ??= message.plan;
            cache.remember(request, message);
            return;
          case "file":
          case "test-start":
            if (message.done) {
              if (seen.tests.length < REPORT_LIMITS.tests) seen.tests.push(message.done.outcome);
              seen.output = capText(
                seen.output + message.done.output,
                Number.POSITIVE_INFINITY,
                REPORT_LIMITS.outputChars,
              );
            }
            if (message.type === "file") seen.file = message.path;
            // Between files nothing is running; a test start names the one that is.
            seen.running = message.type === "test-start" ? message.name : undefined;
            return;
          case "result":
            try {
              const receivedAt = now();
              const report = parseReport(message.report, "worker");
              markProfile(sentAt, receivedAt, now() - receivedAt, message.timings);
              finish(report);
            } catch (error) {
              if (!(error instanceof MalformedReport)) throw error;
              finish(refusedReport("worker", error.message));
            }
            return;
          case "failed": {
            const text = `The test worker could not start: ${message.message}`;
            finish(engineErrorReport("worker", text));
          }
        }
      };
      sentAt = now();
      send(box, { type: "run", id, request: cache.requestFor(request) }, [channel.port2]);
    });
  }

  /** The suite's test names per file, collected by a spare without learner code (see `plan`). */
  async function planSuite(
    tests: Record<string, string>,
    limitMs = startTimeoutMs,
  ): Promise<TestPlan | undefined> {
    const request = cache.requestFor({ files: {}, tests, timeoutMs: 0 });
    const known = cache.planOf(request);
    if (known) return known;
    const box = await ensureSandbox();
    const channel = new MessageChannel();
    const planned = new Promise<TestPlan | undefined>((resolve) => {
      channel.port1.onmessage = ({ data }: MessageEvent<unknown>) => {
        const message = readRunMessage(data);
        if (message?.type !== "prepared") return;
        cache.remember(request, message);
        channel.port1.close();
        resolve(message.plan);
      };
    });
    send(box, { type: "prepare", request }, [channel.port2]);
    return within(planned, limitMs, "the sandbox did not plan the suite in time").catch(() => {
      channel.port1.close();
      return undefined;
    });
  }

  return {
    name: "worker",
    run(files, tests, { timeoutMs, trace }) {
      // One run at a time: each takes the spare worker, and the sandbox boots the next one.
      const result = queue.then(() => runNow({ files, tests, timeoutMs, ...(trace ? { trace } : {}) }));
      queue = result.catch(() => undefined);
      return result;
    },
    async prepare(hint) {
      const box = await ensureSandbox();
      if (!hint || cache.planOf({ ...hint, timeoutMs: 0 })) return;
      // In the background: a run that comes first simply does this work itself.
      const channel = new MessageChannel();
      const request = cache.requestFor({ ...hint, timeoutMs: 0 });
      channel.port1.onmessage = ({ data }: MessageEvent<unknown>) => {
        const message = readRunMessage(data);
        if (message?.type === "prepared") cache.remember(request, message);
        channel.port1.close();
      };
      send(box, { type: "prepare", request }, [channel.port2]);
    },
    plan: planSuite,
    dispose() {
      void sandbox?.then(
        (box) => box.iframe.remove(),
        () => undefined,
      );
      sandbox = undefined;
    },
  };
}
