// Lesson 16: an agent is a loop with a decision in it. A handbook helper decides, searches, and answers.
// Runs offline with a scripted model and a real full-text search: `npx tsx content/snippets/16-agent/helper.ts`
import MiniSearch from "minisearch";
import { parse } from "yaml";
import { Flow, Node, type Action } from "../../../core/index";

type CallLLM = (prompt: string) => Promise<string>;
type Search = (query: string) => Promise<string>;

// #region decision
/** The menu. Every action the model may pick is the name of an edge out of Decide: nothing else exists. */
const MENU = {
  search: "look something up in the handbook (give a query)",
  answer: "answer the question now, from what you found",
};
type Decision = { reason: string } & ({ action: "search"; query: string } | { action: "answer" });
// #endregion decision

type Finding = { query: string; results: string };
type HelperStore = {
  question: string;
  findings: Finding[];
  searchesLeft: number;
  query?: string;
  answer?: string;
};
type DecideInput = { question: string; findings: Finding[]; searchesLeft: number };

const research = (findings: Finding[]) =>
  findings.length === 0
    ? "(nothing yet)"
    : findings.map((f, i) => `${i + 1}. searched "${f.query}":\n${f.results}`).join("\n");

// #region prompt
function decisionPrompt({ question, findings, searchesLeft }: DecideInput): string {
  const menu = Object.entries(MENU).map(([name, when]) => `- ${name}: ${when}`);
  return [
    "You help employees with questions about the team handbook.", // the role
    `Question: ${question}`, // the goal, restated every round
    `Found so far:\n${research(findings)}`, // the context, growing every round
    `Actions:\n${menu.join("\n")}\nYou may search ${searchesLeft} more time(s).`, // the menu and the budget
    "Reply with a ```yaml block only, reason first:\n```yaml\nreason: <one sentence>\naction: search | answer\nquery: <only when searching>\n```",
  ].join("\n\n");
}
// #endregion prompt

// #region validate
/** The model's reply, checked against the menu. Throwing here makes Decide ask again (maxRetries). */
function readDecision(reply: string): Decision {
  const block = reply.split("```yaml")[1]?.split("```")[0];
  if (block === undefined) throw new Error("no ```yaml block in the reply");
  const data = (parse(block) ?? {}) as Record<string, unknown>;
  const reason = typeof data.reason === "string" ? data.reason : "";
  if (data.action === "answer") return { action: "answer", reason };
  if (data.action !== "search") throw new Error(`action must be one of ${Object.keys(MENU).join(", ")}`);
  if (typeof data.query !== "string" || data.query.trim() === "") throw new Error("a search needs a query");
  return { action: "search", query: data.query.trim(), reason };
}
// #endregion validate

// #region decide
class Decide extends Node<HelperStore, DecideInput, Decision> {
  constructor(private readonly llm: CallLLM) {
    super({ maxRetries: 3 }); // a malformed decision is asked for again
  }

  override prep({ question, findings, searchesLeft }: HelperStore): DecideInput {
    return { question, findings, searchesLeft };
  }

  override async exec(input: DecideInput): Promise<Decision> {
    if (input.searchesLeft <= 0) return { action: "answer", reason: "no searches left" }; // no model call
    return readDecision(await this.llm(decisionPrompt(input)));
  }

  override post(shared: HelperStore, _input: DecideInput, decision: Decision): Action {
    if (decision.action === "search") {
      shared.query = decision.query;
      shared.searchesLeft -= 1;
    }
    const what = decision.action === "search" ? `search "${decision.query}"` : "answer";
    console.log(`decide: ${what} (${decision.reason})`);
    return decision.action; // the model's choice picks the edge
  }
}
// #endregion decide

// #region tool
type Page = { id: string; text: string };

/** The tool: plain code behind a plain function type. Tests inject a stand-in; the app injects this. */
function handbookSearch(pages: Page[]): Search {
  const index = new MiniSearch<Page>({ fields: ["text"] }); // full-text, ranked with BM25
  index.addAll(pages);
  const textOf = new Map(pages.map((page) => [page.id, page.text]));
  return async (query) => {
    const hits = index.search(query, { prefix: true, fuzzy: 0.2 }).slice(0, 2);
    if (hits.length === 0) return "(no results)";
    return hits.map((hit) => `[${String(hit.id)}] ${textOf.get(String(hit.id)) ?? ""}`).join("\n");
  };
}
// #endregion tool

class SearchHandbook extends Node<HelperStore, string, string> {
  constructor(private readonly search: Search) {
    super({ maxRetries: 2 });
  }

  override prep(shared: HelperStore) {
    return shared.query ?? shared.question;
  }

  override exec(query: string) {
    return this.search(query);
  }

  override post(shared: HelperStore, query: string, results: string): Action {
    shared.findings.push({ query, results }); // the context grows by one finding
    return "decide";
  }
}

class Answer extends Node<HelperStore, { question: string; findings: Finding[] }, string> {
  constructor(private readonly llm: CallLLM) {
    super();
  }

  override prep({ question, findings }: HelperStore) {
    return { question, findings };
  }

  override exec({ question, findings }: { question: string; findings: Finding[] }) {
    return this.llm(
      `Answer from these findings, citing pages like [id].\n\n${research(findings)}\n\n${question}`,
    );
  }

  override post(shared: HelperStore, _input: unknown, answer: string): Action {
    shared.answer = answer;
    return "done";
  }
}

// #region graph
function buildHelper(llm: CallLLM, search: Search): Flow<HelperStore> {
  const decide = new Decide(llm);
  const lookUp = new SearchHandbook(search);
  decide.on("search", lookUp);
  lookUp.on("decide", decide); // the loop: back to the same Decide, with one more finding
  decide.on("answer", new Answer(llm));
  return new Flow(decide);
}
// #endregion graph

const pages: Page[] = [
  { id: "deploys", text: "Deploys on a Friday need the approval of the on-call lead." },
  { id: "rota", text: "On call this week: Dana Reyes (lead) and Sam Okafor (backup)." },
  { id: "holidays", text: "No deploys at all on public holidays." },
  { id: "expenses", text: "Expenses under 50 euros need no receipt." },
];

// A scripted model. Its first decision is chatter without YAML; then it searches twice and answers.
let calls = 0;
const llm: CallLLM = async (prompt) => {
  calls += 1;
  if (prompt.startsWith("Answer")) return "Dana Reyes, who leads on-call this week [deploys] [rota].";
  if (calls === 1) return "Sure! Let me look that up in the handbook.";
  const yaml = (lines: string) => "```yaml\n" + lines + "\n```";
  if (!prompt.includes("on-call lead")) {
    return yaml("reason: I need the deploy rules\naction: search\nquery: friday deploy approval");
  }
  if (!prompt.includes("Dana"))
    return yaml("reason: who is the lead this week?\naction: search\nquery: on call lead");
  return yaml("reason: both facts are found\naction: answer");
};

// #region run
const shared: HelperStore = {
  question: "Who approves a Friday deploy this week?",
  findings: [],
  searchesLeft: 3,
};
await buildHelper(llm, handbookSearch(pages)).run(shared);
console.log(shared.answer);
// decide: search "friday deploy approval" (I need the deploy rules)
// decide: search "on call lead" (who is the lead this week?)
// decide: answer (both facts are found)
// Dana Reyes, who leads on-call this week [deploys] [rota].
// #endregion run

// #region limit
// A model that never stops asking for more, against a budget of 2 searches:
const restless: CallLLM = async (prompt) =>
  prompt.startsWith("Answer")
    ? "(my best answer)"
    : "```yaml\nreason: more\naction: search\nquery: deploy\n```";
await buildHelper(restless, handbookSearch(pages)).run({ question: "Why?", findings: [], searchesLeft: 2 });
// decide: search "deploy" (more)
// decide: search "deploy" (more)
// decide: answer (no searches left)
// #endregion limit
