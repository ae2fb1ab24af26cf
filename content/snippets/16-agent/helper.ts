// Lesson 16: an agent is a loop with a decision in it. A handbook helper decides, searches, and answers.
// Runs offline with a scripted model and a real full-text search: `npx tsx content/snippets/16-agent/helper.ts`
import MiniSearch from "minisearch";
import { parse } from "yaml";
import { Flow, Node, type Action } from "../../../core/index";

type CallLLM = (prompt: string) => Promise<string>;
type Search = (query: string) => Promise<string>;

// #region decision
/** The menu: each action is the name of an edge out of Decide. Nothing else exists. */
const MENU = {
  search: "look something up in the handbook (give a query)",
  answer: "answer the question now, from what you found",
};
type SearchDecision = { action: "search"; query: string; reason: string };
type AnswerDecision = { action: "answer"; reason: string };
type Decision = SearchDecision | AnswerDecision;
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
function decisionPrompt(input: DecideInput): string {
  const { question, findings, searchesLeft } = input;
  const menu = Object.entries(MENU).map(([name, use]) => `- ${name}: ${use}`);
  const format = [
    "```yaml",
    "reason: <one sentence>",
    "action: search | answer",
    "query: <only when searching>",
    "```",
  ];
  return [
    // 1. the role
    "You help employees with questions about the team handbook.",
    // 2. the goal, restated every round
    `Question: ${question}`,
    // 3. the context, which grows every round
    `Found so far:\n${research(findings)}`,
    // 4. the menu, and the budget
    `Actions:\n${menu.join("\n")}`,
    `You may search ${searchesLeft} more time(s).`,
    // 5. the format
    `Reply with a YAML block only, reason first:\n${format.join("\n")}`,
  ].join("\n\n");
}
// #endregion prompt

// #region validate
/** The reply, checked against the menu. Throwing makes Decide ask again. */
function readDecision(reply: string): Decision {
  const block = reply.split("```yaml")[1]?.split("```")[0];
  if (block === undefined) throw new Error("no ```yaml block in the reply");
  const data = (parse(block) ?? {}) as Record<string, unknown>;
  const reason = typeof data.reason === "string" ? data.reason : "";
  if (data.action === "answer") return { action: "answer", reason };
  if (data.action !== "search") {
    throw new Error(`action must be one of ${Object.keys(MENU).join(", ")}`);
  }
  if (typeof data.query !== "string" || data.query.trim() === "") {
    throw new Error("a search needs a query");
  }
  return { action: "search", query: data.query.trim(), reason };
}
// #endregion validate

// #region decide
class Decide extends Node<HelperStore, DecideInput, Decision> {
  constructor(private readonly llm: CallLLM) {
    super({ maxRetries: 3 }); // a malformed decision is asked for again
  }

  override prep({ question, findings, searchesLeft }: HelperStore) {
    return { question, findings, searchesLeft };
  }

  override async exec(input: DecideInput): Promise<Decision> {
    // The step limit: with no searches left, answer without asking the model.
    if (input.searchesLeft <= 0) {
      return { action: "answer", reason: "no searches left" };
    }
    return readDecision(await this.llm(decisionPrompt(input)));
  }

  override post(shared: HelperStore, _input: DecideInput, decision: Decision) {
    if (decision.action === "search") {
      shared.query = decision.query;
      shared.searchesLeft -= 1;
    }
    const query = decision.action === "search" ? ` "${decision.query}"` : "";
    console.log(`decide: ${decision.action}${query} (${decision.reason})`);
    return decision.action; // the model's choice picks the edge
  }
}
// #endregion decide

// #region tool
type Page = { id: string; text: string };

/** The tool: plain code behind a function type. Tests inject a stand-in instead. */
function handbookSearch(pages: Page[]): Search {
  // Full-text search, ranked with BM25.
  const index = new MiniSearch<Page>({ fields: ["text"] });
  index.addAll(pages);
  const textOf = new Map(pages.map((page) => [page.id, page.text]));
  return async (query) => {
    const hits = index.search(query, { prefix: true, fuzzy: 0.2 }).slice(0, 2);
    if (hits.length === 0) return "(no results)";
    const found = hits.map((hit) => String(hit.id));
    return found.map((id) => `[${id}] ${textOf.get(id) ?? ""}`).join("\n");
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
  // The loop: back to the same Decide, with one more finding.
  lookUp.on("decide", decide);
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
const flow = buildHelper(restless, handbookSearch(pages));
await flow.run({ question: "Why?", findings: [], searchesLeft: 2 });
// decide: search "deploy" (more)
// decide: search "deploy" (more)
// decide: answer (no searches left)
// #endregion limit
