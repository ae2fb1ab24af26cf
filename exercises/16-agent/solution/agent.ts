// An agent: the model decides the next step (search or answer); the graph loops until it answers.
import { parse } from "yaml";
import { Flow, Node, type Action } from "./pocketflow";

// #region types
export type CallLLM = (prompt: string) => Promise<string>;
export type Search = (query: string) => Promise<string>;
export type Decision = { action: "search"; query: string } | { action: "answer" };
/** One search and what it found: the agent's growing context. */
export type Finding = { query: string; results: string };
export type AgentStore = { question: string; findings: Finding[]; query?: string; answer?: string };
/** What a decision is made from; canSearch is false once the search budget is spent. */
export type DecideInput = { question: string; findings: Finding[]; canSearch: boolean };
export type AnswerInput = { question: string; findings: Finding[] };
export type AgentOptions = { llm: CallLLM; search: Search; maxSearches?: number };
// #endregion types

// #region prompts
const research = (findings: Finding[]) =>
  findings.length === 0
    ? "(nothing yet)"
    : findings.map((f, i) => `${i + 1}. SEARCH: ${f.query}\n   RESULTS: ${f.results}`).join("\n");

/** Given: the prompt for one decision. */
export function decidePrompt({ question, findings }: DecideInput): string {
  return [
    "## Decide the next step",
    `Question: ${question}`,
    `Research so far:\n${research(findings)}`,
    "Either search the web for more information, or answer now. Reply with a ```yaml block only:",
    "```yaml\naction: search   # or: answer\nquery: <what to search for, if searching>\n```",
  ].join("\n\n");
}

/** Given: the prompt for the final answer. */
export function answerPrompt({ question, findings }: AnswerInput): string {
  return ["## Answer the question", `Question: ${question}`, `Research:\n${research(findings)}`].join("\n\n");
}
// #endregion prompts

// #region parse-decision
/** The model's choice, from its ```yaml block; throws on anything else, so Decide asks again. */
export function parseDecision(answer: string): Decision {
  const match = /```yaml\s*\n([\s\S]*?)```/i.exec(answer);
  if (!match?.[1]) throw new Error("the decision has no ```yaml block");
  const data = (parse(match[1]) ?? {}) as Record<string, unknown>;
  if (data.action === "answer") return { action: "answer" };
  if (data.action !== "search") throw new Error(`unknown action: ${String(data.action)}`);
  if (typeof data.query !== "string" || data.query.trim() === "") throw new Error("a search needs a query");
  return { action: "search", query: data.query };
}
// #endregion parse-decision

// #region decide
/** The agent's brain: its action ("search" or "answer") picks the next node. */
export class Decide extends Node<AgentStore, DecideInput, Decision> {
  private readonly llm: CallLLM;
  private readonly maxSearches: number;

  constructor(llm: CallLLM, maxSearches = 3) {
    super({ maxRetries: 3 }); // a malformed decision is asked again
    this.llm = llm;
    this.maxSearches = maxSearches;
  }

  override prep(shared: AgentStore): DecideInput {
    const { question, findings } = shared;
    return { question, findings, canSearch: findings.length < this.maxSearches };
  }

  /** The step limit: with no searches left, the agent answers without asking the model. */
  override async exec(input: DecideInput): Promise<Decision> {
    if (!input.canSearch) return { action: "answer" };
    return parseDecision(await this.llm(decidePrompt(input)));
  }

  override post(shared: AgentStore, _input: DecideInput, decision: Decision): Action {
    if (decision.action === "search") shared.query = decision.query;
    return decision.action;
  }
}
// #endregion decide

// #region search
export class SearchWeb extends Node<AgentStore, string, string> {
  private readonly search: Search;

  constructor(search: Search) {
    super();
    this.search = search;
  }

  override prep(shared: AgentStore): string {
    return shared.query ?? shared.question;
  }

  override exec(query: string): Promise<string> {
    return this.search(query);
  }

  /** The context grows with every search; then back to Decide. */
  override post(shared: AgentStore, query: string, results: string): Action {
    shared.findings.push({ query, results });
    return "decide";
  }
}
// #endregion search

// #region answer
export class Answer extends Node<AgentStore, AnswerInput, string> {
  private readonly llm: CallLLM;

  constructor(llm: CallLLM) {
    super();
    this.llm = llm;
  }

  override prep(shared: AgentStore): AnswerInput {
    return { question: shared.question, findings: shared.findings };
  }

  override exec(input: AnswerInput): Promise<string> {
    return this.llm(answerPrompt(input));
  }

  override post(shared: AgentStore, _input: AnswerInput, answer: string): Action {
    shared.answer = answer;
    return "done";
  }
}
// #endregion answer

// #region build
export function buildAgentFlow({ llm, search, maxSearches }: AgentOptions): Flow<AgentStore> {
  const decide = new Decide(llm, maxSearches);
  decide.on("search", new SearchWeb(search)).on("decide", decide); // the loop back to the brain
  decide.on("answer", new Answer(llm));
  return new Flow(decide);
}
// #endregion build
