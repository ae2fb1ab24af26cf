// The test engine, loaded on demand: its module (and, through it, the worker bundle with sucrase and
// vitest's runner) is fetched only when the workspace first needs it, never with the page.
import type { TestEngine } from "../lib/engine/report";

/** The files and suite the first run will probably judge, so an engine can prepare for them. */
export type RunHint = { files: Record<string, string>; tests: Record<string, string> };

/** The engine of the page; `prepare` boots the sandbox ahead of the first run when supported. */
export type PreparedEngine = TestEngine & { prepare?: (hint?: RunHint) => Promise<void> };

let engine: Promise<PreparedEngine> | undefined;

/** The one engine of the page, created on first use and reused by every later run. */
export function loadEngine(): Promise<PreparedEngine> {
  engine ??= import("../lib/engine/worker/host").then(({ createWorkerEngine }) => createWorkerEngine());
  // A failed load (say, a network blip while fetching the chunk) is retried by the next run.
  engine.catch(() => (engine = undefined));
  return engine;
}

/** Loads the engine and boots its sandbox, so the learner's first run does not wait for either. */
export async function warmEngine(
  load: () => Promise<PreparedEngine> = loadEngine,
  hint?: RunHint,
): Promise<void> {
  const ready = await load();
  await ready.prepare?.(hint);
}
