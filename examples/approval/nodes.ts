// A post that waits for a person's approval: draft → review (pauses until there is a decision) →
// publish, or revise with the feedback and review again. Lesson 20.
import { Node, type Action, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";

export type StepName = "draft" | "review" | "revise" | "publish";
export const STEP_NAMES: readonly StepName[] = ["draft", "review", "revise", "publish"];

export type Decision = { approved: true } | { approved: false; feedback: string };

/** Everything the flow knows: plain data only, so that it can be saved as JSON and resumed later. */
export interface PostStore {
  topic: string;
  draft?: string;
  /** The person's answer since the last pause; Review uses it up. */
  decision?: Decision;
  feedback?: string;
  revisions: number;
  history: Decision[];
  published?: string;
  /** Set by Pause: the step to resume at. Moved into the checkpoint, never saved in the store. */
  pausedAt?: StepName;
}

const clean = (text: string) =>
  text
    .trim()
    .replace(/^```\w*\n|```$/g, "")
    .trim();

export class WriteDraft extends Node<PostStore, string, string> {
  constructor(
    private readonly llm: Llm,
    options: NodeOptions,
  ) {
    super(options);
  }
  override prep(shared: PostStore) {
    return shared.topic;
  }
  override async exec(topic: string) {
    return clean(
      await this.llm.chat(
        `Write a short blog post (under 150 words) about: ${topic}. Reply with the post only.`,
        {
          retry: this,
        },
      ),
    );
  }
  override post(shared: PostStore, _topic: string, draft: string) {
    shared.draft = draft;
  }
}

export class Revise extends Node<PostStore, { draft: string; feedback: string }, string> {
  constructor(
    private readonly llm: Llm,
    options: NodeOptions,
  ) {
    super(options);
  }
  override prep(shared: PostStore) {
    return { draft: shared.draft ?? "", feedback: shared.feedback ?? "" };
  }
  override async exec({ draft, feedback }: { draft: string; feedback: string }) {
    const prompt = `Revise this blog post. The editor's feedback: ${feedback}\nReply with the new post only.\n\n${draft}`;
    return clean(await this.llm.chat(prompt, { retry: this }));
  }
  override post(shared: PostStore, _input: unknown, draft: string) {
    shared.draft = draft;
    shared.revisions += 1;
  }
}

/** Waits for a person: with no decision it pauses; with one, it branches on it, once. */
export class Review extends Node<PostStore, Decision | undefined> {
  override prep(shared: PostStore) {
    return shared.decision;
  }
  override post(shared: PostStore, decision: Decision | undefined): Action {
    if (decision === undefined) return "pause";
    delete shared.decision;
    shared.history.push(decision);
    if (decision.approved) return "approved";
    shared.feedback = decision.feedback;
    return "rejected";
  }
}

export class Publish extends Node<PostStore> {
  override post(shared: PostStore): Action {
    shared.published = shared.draft;
    return "published";
  }
}

/** The small final node of a pause: it notes where to resume, and the run ends here. */
export class Pause extends Node<PostStore> {
  constructor(private readonly resumeAt: StepName) {
    super();
  }
  override post(shared: PostStore): Action {
    shared.pausedAt = this.resumeAt;
    return "paused";
  }
}
