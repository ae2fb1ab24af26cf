// A human in the loop: the flow drafts a post, stops for approval, saves itself as JSON, and resumes
// later (in another process, on another day) from the step where it stopped.
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

// #region review
/** The step that waits for a human: with no decision yet it pauses; with one, it branches on it. */
export class Review extends Node<PostStore, Decision | undefined> {
  override prep(shared: PostStore) {
    return shared.decision;
  }

  override post(shared: PostStore, decision: Decision | undefined): Action {
    if (decision === undefined) return "pause";
    delete shared.decision; // the answer is used once: the next review waits for a new one
    shared.history.push(decision);
    if (decision.approved) return "approved";
    shared.feedback = decision.feedback;
    return "rejected";
  }
}
// #endregion review

// #region steps
/** The graph, with every step by name, so a run can start from any of them. */
export function buildSteps(llm: CallLLM): Record<StepName, BaseNode<PostStore>> {
  const draft = new WriteDraft(llm);
  const review = new Review();
  const revise = new Revise(llm);
  const publish = new Publish();
  draft.next(review);
  review.on("approved", publish);
  review.on("rejected", revise).next(review);
  review.on("pause", new Pause("review"));
  return { draft, review, revise, publish };
}
// #endregion steps

// #region run-from
/** Runs the graph from the step named `from` until it pauses or ends. */
export async function runFrom(from: StepName, shared: PostStore, llm: CallLLM): Promise<RunResult> {
  await new Flow<PostStore>(buildSteps(llm)[from]).run(shared);
  const { pausedAt, ...rest } = shared;
  if (pausedAt === undefined) return { status: "done", shared };
  return { status: "paused", checkpoint: { version: 1, resumeAt: pausedAt, shared: rest } };
}

/** Given: a new run, from the first step. */
export const start = (topic: string, llm: CallLLM) =>
  runFrom("draft", { topic, revisions: 0, history: [] }, llm);

/** Goes on from a checkpoint, with the human's decision added to the store. */
export function resume(checkpoint: Checkpoint, decision: Decision, llm: CallLLM): Promise<RunResult> {
  return runFrom(checkpoint.resumeAt, { ...checkpoint.shared, decision }, llm);
}
// #endregion run-from

// #region unserialisable
/**
 * What in `value` would not survive JSON.stringify and JSON.parse unchanged, one line per problem,
 * each starting with its path: `shared.llm is a function`. An empty list means it is safe to save.
 * Problems: functions, undefined, NaN and Infinity, bigints and symbols, Dates, Maps and Sets, class
 * instances (anything not a plain object or array), and cycles. Arrays use `shared.list[1]`.
 */
export function unserialisable(value: unknown, path = "shared", seen = new Set<object>()): string[] {
  if (value === null || typeof value === "string" || typeof value === "boolean") return [];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} is ${value}`];
  if (typeof value === "function") return [`${path} is a function`];
  if (typeof value !== "object")
    return [`${path} is ${typeof value === "undefined" ? "undefined" : `a ${typeof value}`}`];
  if (seen.has(value)) return [`${path} is a cycle back to an object that contains it`];
  if (value instanceof Date) return [`${path} is a Date (it would come back as a string)`];
  if (value instanceof Map || value instanceof Set)
    return [`${path} is a ${value.constructor.name} (it would come back as {})`];
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    return [`${path} is a ${value.constructor.name} (it would come back as a plain object)`];
  }
  seen.add(value);
  const entries = Array.isArray(value)
    ? value.map((item, i) => [`${path}[${i}]`, item] as const)
    : Object.entries(value).map(([key, item]) => [`${path}.${key}`, item] as const);
  const problems = entries.flatMap(([where, item]) => unserialisable(item, where, seen));
  seen.delete(value);
  return problems;
}
// #endregion unserialisable

// #region save-load
/** The checkpoint as JSON text; throws, naming every problem, if the store would not survive it. */
export function saveCheckpoint(checkpoint: Checkpoint): string {
  const problems = unserialisable(checkpoint.shared);
  if (problems.length > 0) throw new Error(`cannot save the checkpoint: ${problems.join("; ")}`);
  return JSON.stringify(checkpoint, null, 2);
}

/**
 * A checkpoint from JSON text, checked: throws with what is wrong rather than resume from garbage.
 * The messages say "not JSON", "version", "step" or "store", for each of the four ways it can be wrong.
 */
export function loadCheckpoint(text: string): Checkpoint {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`the checkpoint is not JSON: ${reason}`, { cause: error });
  }
  const checkpoint = (data ?? {}) as Partial<Checkpoint>;
  if (checkpoint.version !== 1) throw new Error(`unknown checkpoint version: ${String(checkpoint.version)}`);
  if (!STEP_NAMES.includes(checkpoint.resumeAt as StepName)) {
    throw new Error(`unknown step to resume at: ${String(checkpoint.resumeAt)}`);
  }
  const shared = checkpoint.shared;
  if (typeof shared !== "object" || shared === null || typeof shared.topic !== "string") {
    throw new Error("the checkpoint has no store with a topic");
  }
  return checkpoint as Checkpoint;
}
// #endregion save-load
