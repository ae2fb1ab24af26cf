// Messages between the page (client.ts) and the language-service worker (worker.ts), and the pure
// function that answers a request, so the worker's logic is tested in Node with the same service.
import type {
  CompletionDetail,
  Completions,
  DefinitionTarget,
  ExerciseService,
  Files,
  HoverInfo,
  TypeIssue,
} from "../../lib/typescript/service";

/** The questions the editor asks, by method, with what each answers. */
export interface Methods {
  /** Errors of these files (the learner's, for the Type check line), in this order. */
  diagnostics: { params: { paths: string[] }; result: TypeIssue[] };
  hover: { params: { path: string; pos: number }; result: HoverInfo | null };
  completions: { params: { path: string; pos: number; trigger?: "." }; result: Completions };
  completionDetail: { params: { path: string; pos: number; name: string }; result: CompletionDetail | null };
  definition: { params: { path: string; pos: number }; result: DefinitionTarget[] };
}

export type Method = keyof Methods;

/**
 * page → worker: the first message; the worker loads TypeScript from the URL, takes the files and
 * says ready, then checks the `warm` ones at once, so the editor's first question finds the work done.
 */
export interface InitMessage {
  type: "init";
  typescriptUrl: string;
  files: Files;
  warm: string[];
}

/** worker → page, once: the service is up (or could not start, and why). */
export type StartReply = { type: "ready" } | { type: "failed"; message: string };

/**
 * page → worker. `files` carries every file whose text changed since the last request (all of them
 * on the first), so the answer is always about the text on screen.
 */
export type RequestMessage = {
  [M in Method]: { id: number; method: M; params: Methods[M]["params"]; files?: Files };
}[Method];

/** worker → page: the answer to request `id`. */
export type ResponseMessage =
  { id: number; ok: true; result: Methods[Method]["result"] } | { id: number; ok: false; error: string };

/** Applies a request's file changes, then answers it. Never throws: a failure is an answer too. */
export function answer(service: ExerciseService, message: RequestMessage): ResponseMessage {
  const { id } = message;
  try {
    for (const [path, text] of Object.entries(message.files ?? {})) service.updateFile(path, text);
    return { id, ok: true, result: dispatch(service, message) };
  } catch (error) {
    return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function dispatch(service: ExerciseService, message: RequestMessage): Methods[Method]["result"] {
  switch (message.method) {
    case "diagnostics":
      return service.check(message.params.paths);
    case "hover":
      return service.hover(message.params.path, message.params.pos) ?? null;
    case "completions":
      return service.completions(message.params.path, message.params.pos, message.params.trigger);
    case "completionDetail": {
      const { path, pos, name } = message.params;
      return service.completionDetail(path, pos, name) ?? null;
    }
    case "definition":
      return service.definition(message.params.path, message.params.pos);
  }
}
