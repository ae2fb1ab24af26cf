// The graph, rebuilt by every process, with its steps by name so a run can start at any of them.
import { Flow, type BaseNode, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";
import { Pause, Publish, Review, Revise, WriteDraft, type PostStore, type StepName } from "./nodes";

export function buildSteps(llm: Llm, retry: NodeOptions): Record<StepName, BaseNode<PostStore>> {
  const draft = new WriteDraft(llm, retry);
  const review = new Review();
  const revise = new Revise(llm, retry);
  const publish = new Publish();
  draft.next(review);
  review.on("approved", publish);
  review.on("rejected", revise).next(review);
  review.on("pause", new Pause("review"));
  return { draft, review, revise, publish };
}

export type RunResult =
  { status: "paused"; resumeAt: StepName; shared: PostStore } | { status: "done"; shared: PostStore };

/** Runs from the named step until the flow pauses or ends. */
export async function runFrom(
  step: StepName,
  shared: PostStore,
  llm: Llm,
  retry: NodeOptions,
): Promise<RunResult> {
  await new Flow<PostStore>(buildSteps(llm, retry)[step]).run(shared);
  const { pausedAt, ...rest } = shared;
  return pausedAt ? { status: "paused", resumeAt: pausedAt, shared: rest } : { status: "done", shared };
}
