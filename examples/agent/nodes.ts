// The agent: a decide node that branches on the model's YAML answer, a search tool, and an answer node.
import { Node, type NodeOptions } from "../../core/index";
import { MalformedOutput } from "../utils/errors";
import type { Llm } from "../utils/llm";
import { citedLessons, formatHits, type Hit } from "../utils/search";
import { readYaml } from "../utils/yaml";

export interface Research {
  query: string;
  hits: Hit[];
}

export interface AgentStore {
  question: string;
  /** Every search so far: the growing context each decision sees. */
  research: Research[];
  /** Decisions taken so far; at `maxSteps` the agent must answer. */
  steps: number;
  maxSteps: number;
  searchQuery?: string;
  answer?: string;
  cited?: string[];
}

/** The search tool: the lessons by default, anything with this shape otherwise. */
export type SearchTool = (query: string, limit: number) => Hit[];
export type Decision =
  { action: "search"; query: string; reason: string } | { action: "answer"; reason: string };
interface DecideInput {
  question: string;
  context: string;
  searchesSoFar: number;
  /** True when the step limit is reached: answer with what we have. */
  mustAnswer: boolean;
}

export const formatResearch = (research: Research[]) =>
  research.length === 0
    ? "No previous search."
    : research.map((r) => `SEARCH: ${r.query}\nRESULTS:\n${formatHits(r.hits, 800)}`).join("\n\n");

export class DecideAction extends Node<AgentStore, DecideInput, Decision> {
  constructor(
    private readonly llm: Llm,
    private readonly print: (text: string) => void,
    options: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: AgentStore): DecideInput {
    const context = formatResearch(shared.research);
    const mustAnswer = shared.steps + 1 >= shared.maxSteps;
    return { question: shared.question, context, searchesSoFar: shared.research.length, mustAnswer };
  }

  override async exec(input: DecideInput): Promise<Decision> {
    if (input.mustAnswer)
      return { action: "answer", reason: "step limit reached: answering with what I found" };
    const answer = await this.llm.chat(decidePrompt(input), { retry: this });
    try {
      return readDecision(answer);
    } catch (error) {
      this.wait = 0; // ask again at once; only rate limits need a pause
      throw error;
    }
  }

  /**
   * The model kept answering in the wrong shape: search with the question itself first, then answer.
   * Any other failure (the provider down after every retry, a bad key) ends the run: a fallback
   * decision would only lead to more calls to a provider that is not answering.
   */
  override execFallback(input: DecideInput, error: Error): Decision {
    if (!(error instanceof MalformedOutput)) throw error;
    return input.searchesSoFar === 0
      ? { action: "search", query: input.question, reason: `no valid decision (${error.message})` }
      : { action: "answer", reason: `no valid decision (${error.message})` };
  }

  override post(shared: AgentStore, _input: DecideInput, decision: Decision) {
    shared.steps += 1;
    if (decision.action === "search") {
      shared.searchQuery = decision.query;
      this.print(`Step ${shared.steps}: search "${decision.query}" (${decision.reason})`);
    } else this.print(`Step ${shared.steps}: answer (${decision.reason})`);
    return decision.action;
  }
}

function decidePrompt({ question, context }: DecideInput): string {
  return `You answer questions about the "Build PocketFlow" course. You can search its lessons.

Question: ${question}

Context from previous searches:
${context}

Decide: 'search' the lessons for more information, or 'answer' now if the context is enough.
Respond ONLY with YAML in a fenced block:
\`\`\`yaml
action: search   # or: answer
reason: <why, in a few words>
search_query: <keywords to search for, when action is search>
\`\`\``;
}

/** Checks the decision; a search without a query, or an unknown action, is malformed. */
export function readDecision(answer: string): Decision {
  const data = readYaml(answer, { action: "string", reason: "string" });
  const action = data.action.trim().toLowerCase();
  if (action === "answer") return { action, reason: data.reason };
  if (action !== "search")
    throw new MalformedOutput(`unknown action '${data.action}' (expected search or answer)`);
  const query = data.search_query;
  if (typeof query !== "string" || !query.trim())
    throw new MalformedOutput("action search needs a search_query");
  return { action, query: query.trim(), reason: data.reason };
}

/** The tool node: plain code, no LLM. It adds to the context and loops back to decide. */
export class SearchLessons extends Node<AgentStore, string, Hit[]> {
  constructor(
    private readonly search: SearchTool,
    private readonly print: (text: string) => void,
  ) {
    super();
  }

  override prep(shared: AgentStore): string {
    return shared.searchQuery ?? shared.question;
  }

  override exec(query: string): Hit[] {
    return this.search(query, 3);
  }

  override post(shared: AgentStore, query: string, hits: Hit[]) {
    shared.research.push({ query, hits });
    const found = hits.map((hit) => `  found [${hit.section.slug}] ${hit.section.heading}`);
    this.print(found.length ? found.join("\n") : "  found nothing");
    return "decide";
  }
}

export class AnswerQuestion extends Node<AgentStore, { question: string; context: string }, string> {
  constructor(
    private readonly llm: Llm,
    options: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: AgentStore) {
    return { question: shared.question, context: formatResearch(shared.research) };
  }

  override exec({ question, context }: { question: string; context: string }): Promise<string> {
    return this.llm.chat(
      `Answer the question using the research from the course's lessons.

Question: ${question}

Research:
${context}

Cite every lesson you use by its tag in square brackets, like [06-the-flow]. If the research does
not contain the answer, say so plainly.`,
      { retry: this },
    );
  }

  override post(shared: AgentStore, _prepRes: unknown, answer: string) {
    shared.answer = answer.trim();
    shared.cited = citedLessons(
      answer,
      shared.research.flatMap((r) => r.hits.map((hit) => hit.section.slug)),
    );
    return "done";
  }
}
