// The page's side of the language-service worker: starts it (once), keeps it in step with the
// editor's files and asks it questions. Every request carries the files that changed since the
// previous one, so an answer is always about the text on screen.
import assets from "virtual:pocketflow-typescript-assets";
import type { Files } from "../../lib/typescript/service";
import type { InitMessage, Method, Methods, RequestMessage, ResponseMessage, StartReply } from "./protocol";

export interface ClientOptions {
  /** The current text of every file of the exercise (the learner's and read-only ones). */
  files: () => Files;
  /** The files checked as soon as the service starts (the learner's). */
  warm: string[];
  /** How long typescript.js may take to download and start (ms). */
  startTimeoutMs?: number;
}

interface Waiting {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

export class TypeScriptClient {
  private worker: Worker | undefined;
  private started: Promise<void> | undefined;
  private readonly pending = new Map<number, Waiting>();
  private readonly sent = new Map<string, string>();
  private nextId = 1;

  constructor(private readonly options: ClientOptions) {}

  /** Starts the worker and TypeScript in it; resolves when it answers, rejects with the reason. */
  start(): Promise<void> {
    this.started ??= this.boot().catch((error: unknown) => {
      this.started = undefined; // the next request tries again (say, after a network blip)
      throw error;
    });
    return this.started;
  }

  async request<M extends Method>(method: M, params: Methods[M]["params"]): Promise<Methods[M]["result"]> {
    await this.start();
    const worker = this.worker;
    if (!worker) throw new Error("The type checker stopped.");
    const id = this.nextId++;
    const files = this.changedFiles();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage({ id, method, params, ...(files ? { files } : {}) } as RequestMessage);
    });
  }

  dispose(): void {
    this.stop(new Error("The type checker was closed."));
  }

  private boot(): Promise<void> {
    const worker = new Worker(assets.workerUrl, { name: "TypeScript language service" });
    this.worker = worker;
    this.sent.clear();
    const limitMs = this.options.startTimeoutMs ?? 30_000;
    return new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        clearTimeout(timer);
        this.stop(error);
        reject(error);
      };
      const timer = setTimeout(
        () => fail(new Error(`The type checker did not start within ${limitMs / 1000} s.`)),
        limitMs,
      );
      worker.onmessage = ({ data }: MessageEvent<StartReply | ResponseMessage>) => {
        if ("type" in data) {
          if (data.type === "ready") {
            clearTimeout(timer);
            resolve();
          } else fail(new Error(`The type checker could not start: ${data.message}`));
          return;
        }
        const waiting = this.pending.get(data.id);
        this.pending.delete(data.id);
        if (data.ok) waiting?.resolve(data.result);
        else waiting?.reject(new Error(data.error));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        fail(new Error(event.message || "The type checker's worker could not load."));
      };
      const typescriptUrl = new URL(assets.typescriptUrl, location.href).href;
      const files = this.changedFiles() ?? {};
      worker.postMessage({
        type: "init",
        typescriptUrl,
        files,
        warm: this.options.warm,
      } satisfies InitMessage);
    });
  }

  private stop(error: Error): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.started = undefined;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private changedFiles(): Files | undefined {
    let changed: Files | undefined;
    for (const [path, text] of Object.entries(this.options.files())) {
      if (this.sent.get(path) === text) continue;
      this.sent.set(path, text);
      (changed ??= {})[path] = text;
    }
    return changed;
  }
}
