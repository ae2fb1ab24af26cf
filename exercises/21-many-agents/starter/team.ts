// Many agents: a researcher and a writer, each a flow of its own, inside one flow with a supervisor
// that checks the writer's answer and sends it back, within a number of rounds and a budget of calls.
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */
import { parse } from "yaml";
import { BatchNode, Flow, Node, type Action } from "./pocketflow";

export type Role = "researcher" | "writer" | "supervisor";
/** One model call, made in a role (each agent has its own instructions). */
export type Ask = (role: Role, prompt: string) => Promise<string>;

export type Verdict =
  { verdict: "approve"; reason: string; forced?: boolean } | { verdict: "revise"; feedback: string };

export type TeamStore = {
  question: string;
  plan?: string[];
  notes?: string[];
  draft?: string;
  feedback?: string;
  /** How often the supervisor sent the draft back. */
  rounds: number;
  verdicts: Verdict[];
  final?: string;
};

/** Given: a budget of model calls shared by every agent of the team. */
export class BudgetSpent extends Error {
  override name = "BudgetSpent";
}
export class Budget {
  used = 0;
  constructor(readonly limit: number) {}
  get left() {
    return this.limit - this.used;
  }
  /** `ask`, counted: past the limit it refuses instead of calling. */
  wrap(ask: Ask): Ask {
    return async (role, prompt) => {
      if (this.used >= this.limit) throw new BudgetSpent(`the budget of ${this.limit} calls is spent`);
      this.used += 1;
      return ask(role, prompt);
    };
  }
}

// The researcher agent, given: plan what to find out, then look into each point (a batch).
class Plan extends Node<TeamStore, string, string[]> {
  constructor(private readonly ask: Ask) {
    super();
  }
  override prep(shared: TeamStore) {
    return shared.question;
  }
  override async exec(question: string) {
    const reply = await this.ask("researcher", `List what to find out, one point per line:\n${question}`);
    return reply
      .split("\n")
      .map((line) => line.replace(/^[-*\s]+/, "").trim())
      .filter(Boolean);
  }
  override post(shared: TeamStore, _question: string, plan: string[]) {
    shared.plan = plan;
  }
}
class Gather extends BatchNode<TeamStore, string, string> {
  constructor(private readonly ask: Ask) {
    super();
  }
  override prep(shared: TeamStore) {
    return shared.plan ?? [];
  }
  override exec(point: string) {
    return this.ask("researcher", `Find out: ${point}`);
  }
  override post(shared: TeamStore, _plan: unknown, notes: string[]) {
    shared.notes = notes;
  }
}
export function buildResearcher(ask: Ask): Flow<TeamStore> {
  const plan = new Plan(ask);
  plan.next(new Gather(ask));
  return new Flow(plan);
}

// The writer agent, given: writes from the notes, and from the supervisor's feedback if there is some.
class Write extends Node<TeamStore, string, string> {
  constructor(private readonly ask: Ask) {
    super();
  }
  override prep(shared: TeamStore) {
    const notes = (shared.notes ?? []).map((note) => `- ${note}`).join("\n");
    const feedback = shared.feedback ? `\n\nYour last draft was sent back: ${shared.feedback}` : "";
    return `Answer: ${shared.question}\n\nNotes:\n${notes}${feedback}`;
  }
  override exec(prompt: string) {
    return this.ask("writer", prompt);
  }
  override post(shared: TeamStore, _prompt: string, draft: string) {
    shared.draft = draft;
  }
}
export function buildWriter(ask: Ask): Flow<TeamStore> {
  return new Flow(new Write(ask));
}

/** Given: the end of the team's flow, once the supervisor approves. */
export class Done extends Node<TeamStore> {
  override post(shared: TeamStore): Action {
    shared.final = shared.draft;
    return "done";
  }
}

/** Given: the supervisor's prompt. */
export const reviewPrompt = ({ question, draft }: { question: string; draft: string }) =>
  [
    `Check this answer to "${question}". Is it correct, complete and clear?`,
    draft,
    "Reply with a ```yaml block: `verdict: approve` and a `reason`, or `verdict: revise` and `feedback` for the writer.",
  ].join("\n\n");

/** The supervisor's verdict from its ```yaml block; throws on anything else, so the review is asked again. */
export function parseVerdict(reply: string): Verdict {
  throw new Error(
    'TODO: parseVerdict: parse the ```yaml block; { verdict: "approve", reason } or { verdict: "revise", feedback } (feedback required), else throw',
  );
}

export type ReviewInput = { question: string; draft: string; rounds: number };

/** Checks the draft; sends it back ("revise") or lets it through ("approve"), within its limits. */
export class Supervisor extends Node<TeamStore, ReviewInput, Verdict> {
  constructor(
    private readonly ask: Ask,
    private readonly budget: Budget,
    private readonly maxRounds = 2,
  ) {
    super({ maxRetries: 3 }); // a malformed verdict is asked for again
  }

  override prep(shared: TeamStore): ReviewInput {
    throw new Error("TODO: prep: the question, the draft and the rounds so far");
  }

  /** The limits are code, not requests: past them the draft goes through without another call. */
  override async exec(input: ReviewInput): Promise<Verdict> {
    throw new Error(
      'TODO: exec: out of rounds or budget → a forced approve without a call; else ask "supervisor" with reviewPrompt and parse; a revise needs 2 calls left',
    );
  }

  override post(shared: TeamStore, _input: ReviewInput, verdict: Verdict): Action {
    throw new Error(
      'TODO: post: keep the verdict; approve → "approve"; revise → store the feedback, one more round, "revise"',
    );
  }
}

export type TeamOptions = { ask: Ask; budget?: Budget; maxRounds?: number };

/** researcher → writer → supervisor; "revise" back to the writer, "approve" to Done. */
export function buildTeam({ ask, budget = new Budget(20), maxRounds = 2 }: TeamOptions): Flow<TeamStore> {
  throw new Error(
    'TODO: buildTeam: ask through budget.wrap(ask); researcher flow → writer flow → Supervisor; "revise" → the writer, "approve" → Done; a Flow on the researcher',
  );
}
