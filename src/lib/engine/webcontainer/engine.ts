// The WebContainer engine: the hidden suite on real Node and real vitest, in the browser. It boots
// the page's one sandbox (raced against its own limit: the runtime's boot has none), mounts the
// sandbox project from a build-time snapshot (or installs it from its lock file when no snapshot
// fits), then runs `vitest run` per run and reads vitest's JSON report into a TestReport. The
// runtime is injected (api-runtime.ts in the page, fake-runtime.ts in tests).
import type { TestEngine } from "../report";
import {
  describeFailure,
  SandboxFailure,
  StartFailure,
  type BootFailure,
  type FailureKind,
} from "./availability";
import { ExerciseFolder } from "./exercise-files";
import {
  linkTarget,
  npmInstall,
  PROJECT_FILES,
  SNAPSHOT_MANIFEST,
  type ProjectFiles,
  type SnapshotManifest,
} from "./layout";
import type { FileTree, Sandbox, SandboxProcess, SandboxRuntime, TerminalSize } from "./runtime";
import type { TestPlan } from "../worker/collect";
import { runVitest, type OutputEvent } from "./vitest-run";
import { withUnloadedTestsNotRun } from "./vitest-json";
import { traceWorkspaceFiles } from "./trace-files";
import { within } from "../../within";

export { SandboxFailure, type OutputEvent };

export interface Limits {
  /** The runtime's boot (the 20 s: past it, the page falls back to the worker). */
  bootMs: number;
  /** Mounting the snapshot, or installing the project when none fits. */
  setupMs: number;
  /** From starting vitest to its first progress line (vitest's own start-up, in the sandbox). */
  vitestStartMs: number;
}

export const DEFAULT_LIMITS: Limits = { bootMs: 20_000, setupMs: 180_000, vitestStartMs: 30_000 };

export type EngineStatus =
  | { phase: "idle" }
  | { phase: "booting" }
  | { phase: "setting-up"; step: "snapshot" | "install" }
  | { phase: "ready"; from: "snapshot" | "install" }
  | { phase: "failed"; failure: BootFailure };

export interface WebContainerEngineOptions {
  runtime: SandboxRuntime;
  project: { hash: string; files: ProjectFiles };
  /** The project's snapshot, or undefined when none is served for this hash (then npm ci runs). */
  loadSnapshot(hash: string): Promise<Uint8Array | undefined>;
  limits?: Partial<Limits>;
  /**
   * The test names of a suite per file, collected without learner code (the offline engine's
   * planner): a file that did not load then reports its tests as not run, as the other engines do.
   * Without it such a file is a load problem with no names.
   */
  planSuite?: (tests: Record<string, string>) => Promise<TestPlan | undefined>;
  /**
   * The sources of the trace capture by repository path (trace-files.ts), loaded when a run asks
   * for a trace. Without it a traced run runs untraced.
   */
  tracerSources?: () => Promise<Record<string, string>>;
}

export interface WebContainerEngine extends TestEngine {
  /** Boots and sets up the sandbox once; later calls return the same promise. Rejects with a
   *  StartFailure that names the likely cause. */
  start(): Promise<void>;
  readonly status: EngineStatus;
  onStatus(listener: (status: EngineStatus) => void): () => void;
  /** vitest's own output of each run (and of an install), as a terminal shows it. */
  onOutput(listener: (event: OutputEvent) => void): () => void;
  /** The output of the last run (or install), for a Terminal opened later. */
  readonly lastOutput: string;
  /** An interactive shell (jsh) in the sandbox project, once it is ready. */
  openShell(size: TerminalSize): Promise<SandboxProcess>;
}

/** Output kept for the Terminal beyond this is dropped from the front. */
const MAX_KEPT_OUTPUT = 400_000;

async function readManifest(sandbox: Sandbox): Promise<SnapshotManifest | undefined> {
  try {
    const value: unknown = JSON.parse(await sandbox.readFile(SNAPSHOT_MANIFEST));
    if (typeof value !== "object" || value === null) return undefined;
    const { hash, links } = value as Partial<SnapshotManifest>;
    if (typeof hash !== "string" || typeof links !== "object" || links === null) return undefined;
    return { hash, links };
  } catch {
    return undefined;
  }
}

/** The snapshot's symlinks (node_modules/.bin, so `npx vitest` works) as a tree to mount. */
function linkTree(links: Record<string, string>): FileTree {
  const tree: FileTree = {};
  for (const [path, target] of Object.entries(links)) {
    const parts = path.split("/");
    const name = parts.pop() ?? "";
    let folder = tree;
    for (const part of parts) {
      const node = (folder[part] ??= { directory: {} });
      if (!("directory" in node)) break;
      folder = node.directory;
    }
    folder[name] = { file: { symlink: target } };
  }
  return tree;
}

const projectTree = (files: ProjectFiles): FileTree =>
  Object.fromEntries(PROJECT_FILES.map((name) => [name, { file: { contents: files[name] } }]));

export function createWebContainerEngine(options: WebContainerEngineOptions): WebContainerEngine {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { runtime, project } = options;
  let status: EngineStatus = { phase: "idle" };
  const statusListeners = new Set<(status: EngineStatus) => void>();
  const outputListeners = new Set<(event: OutputEvent) => void>();
  let lastOutput = "";
  let started: Promise<Sandbox> | undefined;
  let folder: ExerciseFolder | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const setStatus = (next: EngineStatus) => {
    status = next;
    for (const listener of statusListeners) listener(next);
  };
  const emit = (event: OutputEvent) => {
    if (event.type === "run-start") lastOutput = "";
    else lastOutput = (lastOutput + event.text).slice(-MAX_KEPT_OUTPUT);
    for (const listener of outputListeners) listener(event);
  };
  const fail = (kind: FailureKind): StartFailure =>
    new StartFailure(describeFailure(kind, runtime.evidence()));

  async function boot(): Promise<Sandbox> {
    setStatus({ phase: "booting" });
    try {
      return await within(runtime.boot(), limits.bootMs, () =>
        fail({ kind: "boot-timeout", afterMs: limits.bootMs }),
      );
    } catch (error) {
      if (error instanceof StartFailure) throw error;
      throw fail({ kind: "boot-error", error: error instanceof Error ? error.message : String(error) });
    }
  }

  async function install(sandbox: Sandbox): Promise<void> {
    setStatus({ phase: "setting-up", step: "install" });
    await sandbox.mount(projectTree(project.files));
    emit({ type: "run-start", command: [npmInstall.command, ...npmInstall.args].join(" ") });
    const process = await sandbox.spawn(npmInstall.command, npmInstall.args, { env: npmInstall.env });
    void process.output.pipeTo(new WritableStream({ write: (text) => emit({ type: "text", text }) }));
    const code = await process.exit;
    if (code !== 0) throw fail({ kind: "install-failed", exitCode: code });
  }

  /** The snapshot when one fits this project, else an install from the lock file. */
  async function setUp(sandbox: Sandbox): Promise<"snapshot" | "install"> {
    setStatus({ phase: "setting-up", step: "snapshot" });
    const snapshot = await options.loadSnapshot(project.hash).catch(() => undefined);
    if (snapshot) {
      await sandbox.mount(snapshot);
      const manifest = await readManifest(sandbox);
      if (manifest?.hash === project.hash) {
        await sandbox.mount(linkTree(manifest.links));
        // A snapshot keeps no file modes; the links' targets must be executable for the shell.
        const targets = Object.entries(manifest.links).map(([path, target]) => linkTarget(path, target));
        if (targets.length > 0) {
          const chmod = await sandbox.spawn("chmod", ["+x", ...targets]);
          await chmod.exit.catch(() => undefined);
        }
        return "snapshot";
      }
    }
    await install(sandbox);
    return "install";
  }

  function start(): Promise<Sandbox> {
    started ??= (async () => {
      const sandbox = await boot();
      const step = () =>
        status.phase === "setting-up" && status.step === "install" ? "installing vitest" : "loading vitest";
      const from = await within(setUp(sandbox), limits.setupMs, () =>
        fail({ kind: "setup-timeout", afterMs: limits.setupMs, step: step() }),
      );
      folder = new ExerciseFolder(sandbox);
      setStatus({ phase: "ready", from });
      return sandbox;
    })().catch((error: unknown) => {
      const failure =
        error instanceof StartFailure
          ? error
          : fail({ kind: "boot-error", error: error instanceof Error ? error.message : String(error) });
      setStatus({ phase: "failed", failure: failure.failure });
      throw failure;
    });
    return started;
  }

  let tracer: Promise<Record<string, string>> | undefined;
  const tracerFiles = () => {
    if (!options.tracerSources) return Promise.resolve(undefined);
    tracer ??= options.tracerSources().then(traceWorkspaceFiles);
    tracer.catch(() => (tracer = undefined)); // a failed load is tried again by the next run
    return tracer.catch(() => undefined);
  };

  async function runNow(
    files: Record<string, string>,
    tests: Record<string, string>,
    timeoutMs: number,
    traced: boolean,
  ) {
    const sandbox = await start().catch((error: unknown) => {
      throw new SandboxFailure(error instanceof Error ? error.message : String(error));
    });
    const began = performance.now();
    const workspace = { ...files, ...tests };
    const capture = traced ? await tracerFiles() : undefined;
    await (folder ??= new ExerciseFolder(sandbox)).sync({ ...workspace, ...capture });
    const paths = Object.keys(workspace);
    const request = { timeoutMs, vitestStartMs: limits.vitestStartMs, began, paths, trace: !!capture };
    const report = await runVitest(sandbox, request, emit);
    if (!options.planSuite || !report.problems?.some((problem) => problem.kind === "load")) return report;
    return withUnloadedTestsNotRun(report, await options.planSuite(tests).catch(() => undefined));
  }

  return {
    name: "webcontainer",
    run(files, tests, { timeoutMs, trace = false }) {
      const result = queue.then(() => runNow(files, tests, timeoutMs, trace));
      queue = result.catch(() => undefined);
      return result;
    },
    async start() {
      await start();
    },
    get status() {
      return status;
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onOutput(listener) {
      outputListeners.add(listener);
      return () => outputListeners.delete(listener);
    },
    get lastOutput() {
      return lastOutput;
    },
    async openShell(size) {
      const sandbox = await start();
      return sandbox.spawn("jsh", [], { terminal: size });
    },
  };
}
