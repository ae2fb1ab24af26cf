// Lesson 12: structured output from a support email, checked, with retries and a fallback.
// Runs offline with scripted answers: `npx tsx content/snippets/12-structured-output/triage.ts`
import { parse } from "yaml";
import { Node, type Action, type NodeOptions } from "../../../core/index";

type CallLLM = (prompt: string) => Promise<string>;

// #region shape
type Category = "bug" | "billing" | "question";
type Ticket = { category: Category; urgent: boolean; summary: string };

const CATEGORIES: Category[] = ["bug", "billing", "question"];
const isCategory = (value: unknown): value is Category => CATEGORIES.some((c) => c === value);

/** Parsed YAML is `unknown`: this is where it becomes a Ticket, or an error that names the field. */
function validateTicket(data: unknown): Ticket {
  if (typeof data !== "object" || data === null) throw new Error("the YAML is not a mapping of fields");
  const { category, urgent, summary } = data as Record<string, unknown>;
  if (!isCategory(category))
    throw new Error(`category must be one of ${CATEGORIES.join(", ")}, not ${JSON.stringify(category)}`);
  if (typeof urgent !== "boolean") throw new Error("urgent must be true or false");
  if (typeof summary !== "string" || summary.trim() === "") throw new Error("summary is missing");
  return { category, urgent, summary };
}
// #endregion shape

// Finding the fenced block is part of the exercise, so here it is the plainest possible version.
function yamlBlock(answer: string): string {
  const body = answer.split("```yaml")[1]?.split("```")[0];
  if (body === undefined) throw new Error("the answer has no ```yaml block");
  return body;
}

const triagePrompt = (email: string) =>
  `Triage this support email. Answer with a \`\`\`yaml block holding category (bug, billing or question), urgent (true or false) and summary.\n\n${email}`;

// #region node
type Outcome = { ok: true; ticket: Ticket } | { ok: false; error: string };
type TriageStore = { email: string; ticket?: Ticket; problem?: string };

class TriageEmail extends Node<TriageStore, string, Outcome> {
  constructor(
    private readonly llm: CallLLM,
    options?: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: TriageStore) {
    return shared.email;
  }

  override async exec(email: string): Promise<Outcome> {
    const answer = await this.llm(triagePrompt(email));
    try {
      return { ok: true, ticket: validateTicket(parse(yamlBlock(answer))) };
    } catch (error) {
      console.log(`  attempt ${this.curRetry + 1} rejected: ${(error as Error).message}`);
      throw error; // a throw is what tells the node to ask again
    }
  }

  override execFallback(_email: string, error: Error): Outcome {
    return { ok: false, error: error.message }; // out of attempts: a result to act on, not a crash
  }

  override post(shared: TriageStore, _email: string, outcome: Outcome): Action {
    if (!outcome.ok) {
      shared.problem = outcome.error;
      return "needs-human";
    }
    shared.ticket = outcome.ticket;
    return outcome.ticket.urgent ? "urgent" : "queue";
  }
}
// #endregion node

/** A model that gives these answers in order, one per call. */
const scripted = (...answers: string[]): CallLLM => {
  let next = 0;
  return async () => answers[next++] ?? "(no more answers)";
};

// #region run
const email = "I was charged twice this month! Please fix it before Friday.";
const chatty = "Sure! This looks like a billing problem, and a fairly urgent one.";
const offList = "```yaml\ncategory: payment\nurgent: true\nsummary: Charged twice.\n```";
const valid = "```yaml\ncategory: billing\nurgent: true\nsummary: Charged twice this month.\n```";

const shared: TriageStore = { email };
const llm = scripted(chatty, offList, valid);
console.log(await new TriageEmail(llm, { maxRetries: 3 }).run(shared), shared.ticket);

const unlucky: TriageStore = { email };
console.log(
  await new TriageEmail(scripted(chatty, offList), { maxRetries: 2 }).run(unlucky),
  unlucky.problem,
);
// #endregion run
