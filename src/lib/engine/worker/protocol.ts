// Messages between the page (host.ts), the sandboxed iframe (sandbox.ts) and the test worker
// (worker.ts). The page and the worker talk over a MessagePort per run; the iframe only starts and
// stops workers. Learner code runs in the worker, so the page checks every message it gets.
import type { GradeEvent, GradeRequest, GradeTimings } from "./grade";

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
  | { type: "run"; id: number; request: GradeRequest }
  /** Compile and plan a suite ahead of its run, in the spare that will take the run (port transferred). */
  | { type: "prepare"; request: GradeRequest }
  | { type: "kill"; id: number };

/** iframe → page over the control port. */
export type ControlReply = { type: "ready" } | { type: "failed"; message: string };

/** iframe → worker (with the run's port transferred): the run, or only what it can prepare first. */
export interface WorkerRunMessage {
  type: "run" | "prepare";
  request: GradeRequest;
}

/** worker → iframe: it is booted and ready for a run. Nothing else is read from a worker. */
export type WorkerSignal = { type: "booted" };

/** Where a run's time went in the worker, in ms, and when (ms since the epoch, comparable across
 *  the page's and the worker's clocks) it got the run and sent the result. */
export interface WorkerTimings extends GradeTimings {
  receivedAt: number;
  sentAt: number;
}

/** How often a worker whose event loop is free says so (`alive`). */
export const HEARTBEAT_MS = 250;

/** worker → page over the run's port. */
export type RunMessage =
  | { type: "started" }
  /** Sent every HEARTBEAT_MS while the worker's event loop is free. */
  | { type: "alive" }
  | GradeEvent
  /** The TestReport as JSON text, so its size can be checked before anything is parsed, and where
   *  the run's time went (for the workspace's profile). */
  | { type: "result"; report: string; timings?: WorkerTimings }
  | { type: "failed"; message: string };
