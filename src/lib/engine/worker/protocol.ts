// Messages between the page (host.ts), the sandboxed iframe (sandbox.ts) and the test worker
// (worker.ts). The page and the worker talk over a MessagePort per run; the iframe only starts and
// stops workers. Learner code runs in the worker, so the page checks every message it gets.
import type { GradeEvent, GradeRequest } from "./grade";

/** iframe → page, by window.postMessage: the iframe's script runs and waits for `init`. */
export const SANDBOX_LOADED = "pocketflow-sandbox-loaded";

/** page → iframe, by window.postMessage with the control port transferred. */
export interface InitMessage {
  type: "init";
  /** The worker bundle's source: an opaque-origin iframe cannot load it from the site's URL. */
  source: string;
}

/** page → iframe over the control port. `run` transfers the run's port; `kill` ends a run's worker
 *  (the page sends it when it has the result, or gives up). */
export type ControlRequest =
  { type: "run"; id: number; request: GradeRequest } | { type: "kill"; id: number };

/** iframe → page over the control port. */
export type ControlReply = { type: "ready" } | { type: "failed"; message: string };

/** iframe → worker (with the run's port transferred). */
export interface WorkerRunMessage {
  type: "run";
  request: GradeRequest;
}

/** worker → iframe: it is booted and ready for a run. Nothing else is read from a worker. */
export type WorkerSignal = { type: "booted" };

/** How often a worker whose event loop is free says so (`alive`). */
export const HEARTBEAT_MS = 250;

/** worker → page over the run's port. */
export type RunMessage =
  | { type: "started" }
  /** Sent every HEARTBEAT_MS while the worker's event loop is free. */
  | { type: "alive" }
  | GradeEvent
  /** The TestReport as JSON text, so its size can be checked before anything is parsed. */
  | { type: "result"; report: string }
  | { type: "failed"; message: string };
