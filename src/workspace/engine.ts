// Which test engine answers a run. The offline worker engine answers at once, always. A WebContainer
// (real Node, real vitest) boots in the background the first time a learner opens a workspace on a
// browser that can run one — cross-origin isolated, online, not an iPhone or iPad — and takes the
// runs once it is ready. Every result names its engine; the learner may pin one (remembered in this
// browser). A failed boot is remembered for the visit, so later lessons do not wait for it again.
// Both engines load on demand: nothing of them comes with the page.
import type { EngineName, TestEngine, TestReport } from "../lib/engine/report";
import {
  SandboxFailure,
  StartFailure,
  webContainerSupport,
  type Support,
} from "../lib/engine/webcontainer/availability";
import type { EngineStatus, WebContainerEngine } from "../lib/engine/webcontainer/engine";
import type { WorkerEngine } from "../lib/engine/worker/host";
import { STORAGE_PREFIX } from "./storage-keys";

/** The files and suite the first run will probably judge, so an engine can prepare for them. */
export type RunHint = { files: Record<string, string>; tests: Record<string, string> };

/** The engine of the page; `prepare` boots the sandbox ahead of the first run when supported. */
export type PreparedEngine = TestEngine & { prepare?: (hint?: RunHint) => Promise<void> };

/** auto: the worker until the WebContainer is ready, then the WebContainer. */
export type EngineChoice = "auto" | "worker" | "webcontainer";

export type WebContainerState =
  | { phase: "unsupported"; reason: string }
  | { phase: "idle" }
  | { phase: "starting"; step: string }
  | { phase: "ready" }
  | { phase: "failed"; message: string };

export interface EngineState {
  choice: EngineChoice;
  webcontainer: WebContainerState;
  /** The engine of the last result, and why, when it was not the engine the choice asked for. */
  lastRun?: { engine: EngineName; note?: string };
}

export interface EngineSwitch extends PreparedEngine {
  readonly state: EngineState;
  subscribe(listener: (state: EngineState) => void): () => void;
  choose(choice: EngineChoice): void;
  /** The WebContainer engine once it is loading or loaded (for the Terminal), else undefined. */
  webContainer(): Promise<WebContainerEngine | undefined>;
  /** Forgets this visit's failed boot and reloads the page (a page boots one WebContainer at most). */
  retry(): void;
}

export interface EngineSwitchDeps {
  worker(): Promise<PreparedEngine>;
  webContainer(): Promise<WebContainerEngine>;
  support: Support;
  /** Where the learner's choice is kept (localStorage). */
  preferences?: Storage;
  /** Where a failed boot is remembered for the visit (sessionStorage). */
  visit?: Storage;
  reload(): void;
}

export const CHOICE_KEY = `${STORAGE_PREFIX}:engine`;
export const FAILURE_KEY = `${STORAGE_PREFIX}:webcontainer-failure`;
const CHOICES: readonly EngineChoice[] = ["auto", "worker", "webcontainer"];

function read(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: Storage | undefined, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // A browser that refuses storage forgets the choice on reload; the run still works.
  }
}

const STEPS: Record<string, string> = {
  booting: "starting",
  snapshot: "loading vitest",
  install: "installing vitest",
};

function stateOf(status: EngineStatus): WebContainerState {
  switch (status.phase) {
    case "idle":
    case "booting":
      return { phase: "starting", step: STEPS.booting ?? "" };
    case "setting-up":
      return { phase: "starting", step: STEPS[status.step] ?? status.step };
    case "ready":
      return { phase: "ready" };
    case "failed":
      return { phase: "failed", message: status.failure.message };
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createEngineSwitch(deps: EngineSwitchDeps): EngineSwitch {
  const saved = read(deps.preferences, CHOICE_KEY);
  let choice: EngineChoice = CHOICES.includes(saved as EngineChoice) ? (saved as EngineChoice) : "auto";
  const remembered = read(deps.visit, FAILURE_KEY);
  let webcontainer: WebContainerState = !deps.support.supported
    ? { phase: "unsupported", reason: deps.support.reason }
    : remembered
      ? { phase: "failed", message: remembered }
      : { phase: "idle" };
  let lastRun: EngineState["lastRun"];
  let loading: Promise<WebContainerEngine> | undefined;
  const listeners = new Set<(state: EngineState) => void>();

  const state = (): EngineState => ({ choice, webcontainer, ...(lastRun ? { lastRun } : {}) });
  const notify = () => {
    const now = state();
    for (const listener of listeners) listener(now);
  };
  const setWebContainer = (next: WebContainerState) => {
    webcontainer = next;
    if (next.phase === "failed") write(deps.visit, FAILURE_KEY, next.message);
    notify();
  };

  /** Loads and boots the WebContainer in the background, once per page. */
  function startWebContainer(): Promise<WebContainerEngine> | undefined {
    if (webcontainer.phase === "unsupported") return undefined;
    if (loading) return loading;
    setWebContainer({ phase: "starting", step: STEPS.booting ?? "" });
    loading = deps.webContainer().then(
      (engine) => {
        engine.onStatus((status) => setWebContainer(stateOf(status)));
        void engine.start().catch(() => undefined); // the status says how it went
        return engine;
      },
      (error: unknown) => {
        setWebContainer({
          phase: "failed",
          message: `The WebContainer engine could not load (${messageOf(error)}). Tests run in the offline engine instead.`,
        });
        throw error;
      },
    );
    loading.catch(() => undefined);
    return loading;
  }

  /** The WebContainer when the choice and its state say it takes this run. */
  function webContainerForRun(): Promise<WebContainerEngine> | undefined {
    if (choice === "worker" || !loading) return undefined;
    if (webcontainer.phase === "ready") return loading;
    // Pinned: wait for it to start (its own limits bound the wait).
    if (choice === "webcontainer" && webcontainer.phase === "starting") return loading;
    return undefined;
  }

  async function inWorker(
    files: Record<string, string>,
    tests: Record<string, string>,
    opts: Parameters<TestEngine["run"]>[2],
  ) {
    const worker = await deps.worker();
    return worker.run(files, tests, opts);
  }

  const record = (report: TestReport, note?: string) => {
    lastRun = { engine: report.engine, ...(note ? { note } : {}) };
    notify();
    return report;
  };

  return {
    name: "worker",
    get state() {
      return state();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    choose(next) {
      choice = next;
      write(deps.preferences, CHOICE_KEY, next === "auto" ? null : next);
      // Pinning the WebContainer tries it even after a failed boot earlier in this visit.
      if (next === "webcontainer" && webcontainer.phase === "failed" && !loading)
        webcontainer = { phase: "idle" };
      if (next !== "worker" && webcontainer.phase === "idle") startWebContainer();
      notify();
    },
    async prepare(hint) {
      if (choice !== "worker" && webcontainer.phase === "idle") startWebContainer();
      const worker = await deps.worker();
      // With the files and suite, a spare compiles and plans them ahead of the first run.
      await worker.prepare?.(hint);
    },
    async run(files, tests, opts) {
      const pending = webContainerForRun();
      let note: string | undefined;
      if (pending) {
        try {
          const engine = await pending;
          await engine.start();
          return record(await engine.run(files, tests, opts));
        } catch (error) {
          if (!(error instanceof SandboxFailure || error instanceof StartFailure)) throw error;
          note = `The WebContainer could not run these tests (${error.message}), so the offline engine did.`;
          if (error instanceof SandboxFailure) {
            const message = `The WebContainer could not run the tests (${error.message}). Tests run in the offline engine instead.`;
            setWebContainer({ phase: "failed", message });
          }
        }
      } else if (choice === "webcontainer") {
        note = "The WebContainer is not available on this page, so the offline engine answered.";
      } else if (choice === "auto" && webcontainer.phase === "starting") {
        note = "The WebContainer is still starting, so the offline engine answered.";
      }
      return record(await inWorker(files, tests, opts), note);
    },
    webContainer() {
      return (loading ?? Promise.resolve(undefined)).catch(() => undefined);
    },
    retry() {
      write(deps.visit, FAILURE_KEY, null);
      deps.reload();
    },
  };
}

function storageOf(name: "localStorage" | "sessionStorage"): Storage | undefined {
  try {
    return window[name];
  } catch {
    return undefined;
  }
}

let worker: Promise<WorkerEngine> | undefined;
const loadWorker = (): Promise<WorkerEngine> => {
  worker ??= import("../lib/engine/worker/host").then(({ createWorkerEngine }) => createWorkerEngine());
  // A failed load (say, a network blip while fetching the chunk) is retried by the next run.
  worker.catch(() => (worker = undefined));
  return worker;
};

let pageSwitch: EngineSwitch | undefined;

/** The page's engine switch, created on first use (it loads no engine until it needs one). */
export function engineSwitch(): EngineSwitch {
  pageSwitch ??= createEngineSwitch({
    worker: loadWorker,
    webContainer: () =>
      import("../lib/engine/webcontainer/page").then(({ createPageWebContainerEngine }) =>
        // A file that did not load: the offline engine names its tests, which did not run.
        createPageWebContainerEngine(async (tests) => (await loadWorker()).plan(tests)),
      ),
    // A site may be built without WebContainers (PUBLIC_WEBCONTAINER=off: say, no StackBlitz licence).
    support:
      import.meta.env.PUBLIC_WEBCONTAINER === "off"
        ? { supported: false, reason: "this site runs every test in the offline engine." }
        : webContainerSupport({
            crossOriginIsolated: window.crossOriginIsolated,
            onLine: navigator.onLine,
            userAgent: navigator.userAgent,
            platform: navigator.platform,
            maxTouchPoints: navigator.maxTouchPoints,
          }),
    preferences: storageOf("localStorage"),
    visit: storageOf("sessionStorage"),
    reload: () => location.reload(),
  });
  return pageSwitch;
}

/** The one engine of the page, for workspace.ts: the switch. */
export function loadEngine(): Promise<PreparedEngine> {
  return Promise.resolve(engineSwitch());
}

/** Loads the engine and boots its sandbox, so the learner's first run does not wait for either. */
export async function warmEngine(
  load: () => Promise<PreparedEngine> = loadEngine,
  hint?: RunHint,
): Promise<void> {
  const ready = await load();
  await ready.prepare?.(hint);
}
