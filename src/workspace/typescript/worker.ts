// Entry of the language-service worker (a classic worker, same origin). It loads typescript.js
// (a content-hashed asset) with importScripts on `init`, then answers the editor's requests one at
// a time. The exercise environment (lib files, package types) is bundled into this file.
import environment from "virtual:pocketflow-typescript-environment";
import type * as TS from "typescript";
import { ExerciseService } from "../../lib/typescript/service";
import {
  answer,
  type InitMessage,
  type RequestMessage,
  type ResponseMessage,
  type StartReply,
} from "./protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<InitMessage | RequestMessage>) => void) | null;
  postMessage(message: StartReply | ResponseMessage): void;
  importScripts(...urls: string[]): void;
  ts?: typeof TS;
}

const scope = globalThis as unknown as WorkerScope;
let service: ExerciseService | undefined;

scope.onmessage = ({ data }) => {
  if ("type" in data) {
    if (service) return;
    try {
      scope.importScripts(data.typescriptUrl); // defines the global `ts`
      if (!scope.ts) throw new Error("typescript.js did not define `ts`");
      service = new ExerciseService(scope.ts, environment);
      service.setFiles(data.files);
      scope.postMessage({ type: "ready" });
      service.check(data.warm); // requests that came meanwhile wait, then find the answers ready
    } catch (error) {
      scope.postMessage({ type: "failed", message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if (!service) {
    scope.postMessage({ id: data.id, ok: false, error: "The type checker has not started." });
    return;
  }
  scope.postMessage(answer(service, data));
};
