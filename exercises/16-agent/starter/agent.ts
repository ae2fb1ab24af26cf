// An agent: the model decides the next step (search or answer); the graph loops until it answers.
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */
import { parse } from "yaml";
import { Flow, Node, type Action } from "./pocketflow";

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

/** The model's choice, from its ```yaml block; throws on anything else, so Decide asks again. */
export function parseDecision(answer: string): Decision {
  throw new Error(
    'TODO: parseDecision: parse the ```yaml block; return { action: "answer" } or { action: "search", query }, else throw',
  );
}

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
    throw new Error("TODO: prep: the question, the findings, and canSearch: fewer findings than maxSearches");
  }

  /** The step limit: with no searches left, the agent answers without asking the model. */
  override async exec(input: DecideInput): Promise<Decision> {
    throw new Error(
      'TODO: exec: without canSearch decide { action: "answer" } yourself; else ask this.llm with decidePrompt and parse it',
    );
  }

  override post(shared: AgentStore, _input: DecideInput, decision: Decision): Action {
    throw new Error(
      "TODO: post: for a search, store its query in shared.query; return the decision's action",
    );
  }
}

export class SearchWeb extends Node<AgentStore, string, string> {
  private readonly search: Search;

  constructor(search: Search) {
    super();
    this.search = search;
  }

  override prep(shared: AgentStore): string {
    throw new Error("TODO: prep: return the query Decide stored");
  }

  override exec(query: string): Promise<string> {
    throw new Error("TODO: exec: run this.search with the query");
  }

  /** The context grows with every search; then back to Decide. */
  override post(shared: AgentStore, query: string, results: string): Action {
    throw new Error('TODO: post: add { query, results } to shared.findings and return "decide"');
  }
}

export class Answer extends Node<AgentStore, AnswerInput, string> {
  private readonly llm: CallLLM;

  constructor(llm: CallLLM) {
    super();
    this.llm = llm;
  }

  override prep(shared: AgentStore): AnswerInput {
    throw new Error("TODO: prep: return the question and the findings");
  }

  override exec(input: AnswerInput): Promise<string> {
    throw new Error("TODO: exec: ask this.llm with answerPrompt(input)");
  }

  override post(shared: AgentStore, _input: AnswerInput, answer: string): Action {
    throw new Error('TODO: post: store the answer in shared.answer and return "done"');
  }
}

export function buildAgentFlow({ llm, search, maxSearches }: AgentOptions): Flow<AgentStore> {
  throw new Error(
    'TODO: buildAgentFlow: Decide —"search"→ SearchWeb —"decide"→ back to Decide; Decide —"answer"→ Answer; a Flow on Decide',
  );
}
