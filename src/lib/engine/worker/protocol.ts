// Messages between the page (host.ts), the sandboxed iframe (sandbox.ts) and the test worker
// (worker.ts). The page and the worker talk over a MessagePort per run; the iframe only starts and
// stops workers.
import type { TestReport } from "../report";
import type { GradeEvent, GradeRequest } from "./grade";

/** iframe → page, by window.postMessage: the iframe's script runs and waits for `init`. */
export const SANDBOX_LOADED = "pocketflow-sandbox-loaded";

/** page → iframe, by window.postMessage with the control port transferred. */
export interface InitMessage {
  type: "init";
  /** The worker bundle's source: an opaque-origin iframe cannot load it from the site's URL. */
  source: string;
}

/** page → iframe over the control port. `run` transfers the run's port. */
export type ControlRequest =
  { type: "run"; id: number; request: GradeRequest } | { type: "kill"; id: number };

/** iframe → page over the control port. */
export type ControlReply = { type: "ready" } | { type: "failed"; message: string };

/** iframe → worker (with the run's port transferred). */
export interface WorkerRunMessage {
  type: "run";
  request: GradeRequest;
}

/** worker → iframe: it is ready for a run, or done with it (and may be terminated). */
export type WorkerSignal = { type: "booted" } | { type: "finished" };

/** worker → page over the run's port. */
export type RunMessage =
  | { type: "started" }
  | GradeEvent
  | { type: "result"; report: TestReport }
  | { type: "failed"; message: string };
