// The offline test engine, page side. Tests run in a Web Worker that lives inside a sandboxed
// iframe (opaque origin: learner code cannot touch the site's storage or DOM). A run past its time
// limit is stopped by terminating its worker and reported as a timeout; the next run starts in a
// pre-booted spare worker, so the page never waits for a stuck one.
import sandboxScript from "virtual:pocketflow-test-sandbox";
import type { TestEngine, TestOutcome, TestReport } from "../report";
import type { GradeRequest } from "./grade";
import type { ControlReply, ControlRequest, InitMessage, RunMessage } from "./protocol";
import { SANDBOX_LOADED } from "./protocol";
import { inSeconds, stoppedReport } from "./timeout-report";

export interface WorkerEngineOptions {
  /** Where the hidden iframe is attached: document.body unless given. */
  container?: HTMLElement;
  /** How long the sandbox may take to start before a run reports an error (ms, default 10000). */
  startTimeoutMs?: number;
  /** The worker bundle's source; by default the bundle built into the site (loaded on first use). */
  loadWorkerSource?: () => Promise<string>;
}

export interface WorkerEngine extends TestEngine {
  /** Starts the sandbox and a spare worker ahead of the first run (for example when an editor shows). */
  prepare(): Promise<void>;
  /** Removes the iframe and every worker in it. */
  dispose(): void;
}

const defaultWorkerSource = async () => (await import("virtual:pocketflow-test-worker")).default;

/** Rejects with `message` unless `promise` settles within `ms`. */
function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

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
  iframe.srcdoc = `<!doctype html><meta charset="utf-8"><script>${sandboxScript.replaceAll("</", "<\\/")}</script>`;

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

export function createWorkerEngine(options: WorkerEngineOptions = {}): WorkerEngine {
  let sandbox: Promise<Sandbox> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 0;
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;

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
      const output = `${error instanceof Error ? error.message : String(error)}\n`;
      return { engine: "worker", status: "error", durationMs: elapsed(), tests: [], output };
    }
    const id = ++nextId;
    const channel = new MessageChannel();
    const seen = {
      tests: [] as TestOutcome[],
      output: "",
      running: undefined as string | undefined,
      file: "",
    };
    return new Promise<TestReport>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (report: Omit<TestReport, "durationMs">) => {
        clearTimeout(timer);
        channel.port1.close();
        resolve({ ...report, durationMs: elapsed() });
      };
      const stop = (reason: "timeout" | "no-start") => {
        send(box, { type: "kill", id });
        finish(stoppedReport(reason, reason === "timeout" ? request.timeoutMs : startTimeoutMs, seen));
      };
      // The time limit counts from the moment the worker has the suite, not while a spare boots.
      timer = setTimeout(() => stop("no-start"), startTimeoutMs);
      channel.port1.onmessage = ({ data }: MessageEvent<RunMessage>) => {
        if (data.type === "started") {
          clearTimeout(timer);
          timer = setTimeout(() => stop("timeout"), request.timeoutMs);
        } else if (data.type === "file") seen.file = data.path;
        else if (data.type === "test-start") seen.running = data.name;
        else if (data.type === "test-done") {
          seen.tests.push(data.outcome);
          seen.output += data.output;
          seen.running = undefined;
        } else if (data.type === "result") finish(data.report);
        else if (data.type === "failed")
          finish({
            engine: "worker",
            status: "error",
            tests: [],
            output: `The test worker could not start: ${data.message}\n`,
          });
      };
      send(box, { type: "run", id, request }, [channel.port2]);
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
    async prepare() {
      await ensureSandbox();
    },
    dispose() {
      void sandbox?.then(
        (box) => box.iframe.remove(),
        () => undefined,
      );
      sandbox = undefined;
    },
  };
}
