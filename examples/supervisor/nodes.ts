// A writer and a supervisor on top of lesson 16's agent: the supervisor checks the answer against the
// research and sends it back to the writer with feedback, within its rounds and the team's budget.
import { Node, type Action, type NodeOptions } from "../../core/index";
import { formatResearch, type AgentStore } from "../agent/nodes";
import { isFatal, MalformedOutput } from "../utils/errors";
import type { Llm } from "../utils/llm";
import { readYaml } from "../utils/yaml";
import type { Budget } from "./budget";

export type Verdict = { verdict: "approve" | "revise"; reason: string; feedback?: string; forced?: boolean };

export interface TeamStore extends AgentStore {
  feedback?: string;
  /** How often the supervisor sent the answer back. */
  rounds: number;
  maxRounds: number;
  verdicts: Verdict[];
  final?: string;
}

type ReviewInput = { question: string; research: string; answer: string; rounds: number; maxRounds: number };

export class Supervise extends Node<TeamStore, ReviewInput, Verdict> {
  constructor(
    private readonly llm: Llm,
    private readonly budget: Budget,
    private readonly print: (text: string) => void,
    options: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: TeamStore): ReviewInput {
    const { question, rounds, maxRounds } = shared;
    return {
      question,
      research: formatResearch(shared.research),
      answer: shared.answer ?? "",
      rounds,
      maxRounds,
    };
  }

  /** The limits are code: past them the answer goes through, marked as forced. */
  override async exec(input: ReviewInput): Promise<Verdict> {
    if (input.rounds >= input.maxRounds) return { verdict: "approve", reason: "out of rounds", forced: true };
    if (this.budget.left < 1) return { verdict: "approve", reason: "out of budget", forced: true };
    const reply = await this.llm.chat(reviewPrompt(input), { retry: this });
    let verdict: Verdict;
    try {
      verdict = readVerdict(reply);
    } catch (error) {
      this.wait = 0; // a malformed verdict is asked for again at once
      throw error;
    }
    // A revision costs a writer call and another review: only send it back if both are affordable.
    if (verdict.verdict === "revise" && this.budget.left < 2) {
      return { verdict: "approve", reason: "out of budget for another round", forced: true };
    }
    return verdict;
  }

  override execFallback(_input: ReviewInput, error: Error): Verdict {
    if (isFatal(error)) throw error;
    return { verdict: "approve", reason: `no valid verdict (${error.message})`, forced: true };
  }

  override post(shared: TeamStore, _input: ReviewInput, verdict: Verdict): Action {
    shared.verdicts.push(verdict);
    const round = `Supervisor, round ${shared.rounds + 1}:`;
    if (verdict.verdict === "approve") {
      this.print(`${round} ${verdict.forced ? "lets it through" : "approves"} (${verdict.reason})`);
      return "approve";
    }
    this.print(`${round} sends it back: ${verdict.feedback ?? ""}`);
    shared.feedback = verdict.feedback;
    shared.rounds += 1;
    return "revise";
  }
}

function reviewPrompt({ question, research, answer }: ReviewInput): string {
  return `You supervise a research assistant. Check its answer against the research it was given.

Question: ${question}

Research:
${research}

Answer:
${answer}

Approve the answer if it is correct, answers the question, and cites the lessons it uses, like
[06-the-flow]. Otherwise ask for a revision, saying exactly what to fix.
Respond ONLY with YAML in a fenced block:
\`\`\`yaml
verdict: approve   # or: revise
reason: <why, in a few words>
feedback: <what to fix, when the verdict is revise>
\`\`\``;
}

export function readVerdict(reply: string): Verdict {
  const data = readYaml(reply, { verdict: "string", reason: "string" });
  const verdict = data.verdict.trim().toLowerCase();
  if (verdict === "approve") return { verdict, reason: data.reason };
  if (verdict !== "revise")
    throw new MalformedOutput(`unknown verdict '${data.verdict}' (expected approve or revise)`);
  const feedback = data.feedback;
  if (typeof feedback !== "string" || !feedback.trim())
    throw new MalformedOutput("a revise verdict needs feedback");
  return { verdict, reason: data.reason, feedback: feedback.trim() };
}

/** The writer agent's one step: rewrite the answer from the same research, with the supervisor's feedback. */
export class Rewrite extends Node<TeamStore, string, string> {
  constructor(
    private readonly llm: Llm,
    private readonly print: (text: string) => void,
    options: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: TeamStore): string {
    return `Rewrite this answer to the question, using only the research. Cite lessons like [06-the-flow].

Question: ${shared.question}

Research:
${formatResearch(shared.research)}

Your last answer:
${shared.answer ?? ""}

What to fix: ${shared.feedback ?? ""}`;
  }

  override exec(prompt: string): Promise<string> {
    return this.llm.chat(prompt, { retry: this });
  }

  override post(shared: TeamStore, _prompt: string, answer: string) {
    shared.answer = answer.trim();
    this.print("Writer: rewrote the answer");
  }
}

export class Done extends Node<TeamStore> {
  override post(shared: TeamStore): Action {
    shared.final = shared.answer;
    return "done";
  }
}
