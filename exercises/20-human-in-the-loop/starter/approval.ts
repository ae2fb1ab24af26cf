// A human in the loop: the flow drafts a post, stops for approval, saves itself as JSON, and resumes
// later (in another process, on another day) from the step where it stopped.
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */
import { Flow, Node, type Action, type BaseNode } from "./pocketflow";

export type CallLLM = (prompt: string) => Promise<string>;
/** What the human answered. */
export type Decision = { approved: true } | { approved: false; feedback: string };
export type StepName = "draft" | "review" | "revise" | "publish";
export const STEP_NAMES: readonly StepName[] = ["draft", "review", "revise", "publish"];

export type PostStore = {
  topic: string;
  draft?: string;
  /** The human's answer since the last pause; Review takes it out of the store. */
  decision?: Decision;
  feedback?: string;
  revisions: number;
  /** Every decision so far, for the record. */
  history: Decision[];
  published?: string;
  /** Set by Pause: where to resume. runFrom moves it out of the store into the checkpoint. */
  pausedAt?: StepName;
};

/** Everything needed to go on later: where the flow stopped, and the whole store. Plain JSON. */
export interface Checkpoint {
  version: 1;
  resumeAt: StepName;
  shared: PostStore;
}

export type RunResult = { status: "paused"; checkpoint: Checkpoint } | { status: "done"; shared: PostStore };

/** Given: writes the first draft. */
export class WriteDraft extends Node<PostStore, string, string> {
  constructor(private readonly llm: CallLLM) {
    super();
  }
  override prep(shared: PostStore) {
    return shared.topic;
  }
  override exec(topic: string) {
    return this.llm(`Write a short post about: ${topic}`);
  }
  override post(shared: PostStore, _topic: string, draft: string) {
    shared.draft = draft;
  }
}

/** Given: rewrites the draft with the human's feedback. */
export class Revise extends Node<PostStore, { draft: string; feedback: string }, string> {
  constructor(private readonly llm: CallLLM) {
    super();
  }
  override prep(shared: PostStore) {
    return { draft: shared.draft ?? "", feedback: shared.feedback ?? "" };
  }
  override exec({ draft, feedback }: { draft: string; feedback: string }) {
    return this.llm(`Revise this post.\nFeedback: ${feedback}\n\n${draft}`);
  }
  override post(shared: PostStore, _input: unknown, draft: string) {
    shared.draft = draft;
    shared.revisions += 1;
  }
}

/** Given: publishes the approved draft. */
export class Publish extends Node<PostStore> {
  override post(shared: PostStore) {
    shared.published = shared.draft;
    return "published";
  }
}

/** Given: a small final node for a pause. It notes where to resume, and the flow ends here. */
export class Pause extends Node<PostStore> {
  constructor(private readonly resumeAt: StepName) {
    super();
  }
  override post(shared: PostStore): Action {
    shared.pausedAt = this.resumeAt;
    return "paused";
  }
}

/** The step that waits for a human: with no decision yet it pauses; with one, it branches on it. */
export class Review extends Node<PostStore, Decision | undefined> {
  override prep(shared: PostStore): Decision | undefined {
    throw new Error("TODO: prep: return the human's decision from the store (it may be undefined)");
  }

  override post(shared: PostStore, decision: Decision | undefined): Action {
    throw new Error(
      'TODO: post: no decision → "pause"; else remove it from the store, add it to history, and return "approved", or keep its feedback and return "rejected"',
    );
  }
}

/** The graph, with every step by name, so a run can start from any of them. */
export function buildSteps(llm: CallLLM): Record<StepName, BaseNode<PostStore>> {
  throw new Error(
    'TODO: buildSteps: draft → review; review "approved" → publish, "rejected" → revise → review, "pause" → new Pause("review"); return them by name',
  );
}

/** Runs the graph from the step named `from` until it pauses or ends. */
export async function runFrom(from: StepName, shared: PostStore, llm: CallLLM): Promise<RunResult> {
  await new Flow<PostStore>(buildSteps(llm)[from]).run(shared); // given: run from the named step
  throw new Error(
    "TODO: runFrom: if shared.pausedAt is set, move it out of the store into a paused checkpoint; else the run is done",
  );
}

/** Given: a new run, from the first step. */
export const start = (topic: string, llm: CallLLM) =>
  runFrom("draft", { topic, revisions: 0, history: [] }, llm);

/** Goes on from a checkpoint, with the human's decision added to the store. */
export function resume(checkpoint: Checkpoint, decision: Decision, llm: CallLLM): Promise<RunResult> {
  throw new Error(
    "TODO: resume: runFrom the checkpoint's resumeAt, with a copy of its store plus the decision",
  );
}

/**
 * What in `value` would not survive JSON.stringify and JSON.parse unchanged, one line per problem,
 * each starting with its path: `shared.llm is a function`. An empty list means it is safe to save.
 * Problems: functions, undefined, NaN and Infinity, bigints and symbols, Dates, Maps and Sets, class
 * instances (anything not a plain object or array), and cycles. Arrays use `shared.list[1]`.
 */
export function unserialisable(value: unknown, path = "shared", seen = new Set<object>()): string[] {
  throw new Error(
    "TODO: unserialisable: plain values → []; the problem cases → one line starting with the path; plain objects and arrays → their members, with a path each",
  );
}

/** The checkpoint as JSON text; throws, naming every problem, if the store would not survive it. */
export function saveCheckpoint(checkpoint: Checkpoint): string {
  throw new Error(
    "TODO: saveCheckpoint: throw with the problems unserialisable(checkpoint.shared) finds; else JSON.stringify the checkpoint",
  );
}

/**
 * A checkpoint from JSON text, checked: throws with what is wrong rather than resume from garbage.
 * The messages say "not JSON", "version", "step" or "store", for each of the four ways it can be wrong.
 */
export function loadCheckpoint(text: string): Checkpoint {
  throw new Error(
    "TODO: loadCheckpoint: JSON.parse (its error → not JSON), then check version 1, a known resumeAt, and a store with a topic",
  );
}
