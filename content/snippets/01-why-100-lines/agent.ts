// Lesson 1: the shape of a small agent, written with the finished framework.
// Run it with `npx tsx content/snippets/01-why-100-lines/agent.ts`; the model and search are stubs.
import { Flow, Node } from "../../../core/index";

// Stand-ins for an LLM and a web search, so the example runs offline and always the same way.
const askModel = async (prompt: string) => (prompt.includes("found:") ? "answer" : "search");
const searchWeb = async (query: string) => `found: PocketFlow is about 100 lines (query: ${query})`;

// #region agent
type Store = { question: string; notes: string[]; answer?: string };

class Decide extends Node<Store, string, string> {
  override prep(shared: Store) {
    return [shared.question, ...shared.notes].join("\n");
  }
  override exec(prompt: string) {
    return askModel(prompt); // "search" or "answer"
  }
  override post(_shared: Store, _prompt: string, choice: string) {
    return choice; // the action: which arrow to follow
  }
}

class Search extends Node<Store, string, string> {
  override prep(shared: Store) {
    return shared.question;
  }
  override exec(query: string) {
    return searchWeb(query);
  }
  override post(shared: Store, _query: string, found: string) {
    shared.notes.push(found);
    return "decide";
  }
}

class Answer extends Node<Store, string[], string> {
  override prep(shared: Store) {
    return shared.notes;
  }
  override exec(notes: string[]) {
    return `Answer, based on ${notes.length} note(s).`;
  }
  override post(shared: Store, _notes: string[], answer: string) {
    shared.answer = answer;
  }
}

// The graph: three nodes and three labelled arrows.
const decide = new Decide();
decide.on("search", new Search()).on("decide", decide);
decide.on("answer", new Answer());

const shared: Store = { question: "How big is PocketFlow?", notes: [] };
await new Flow(decide).run(shared);
console.log(shared.answer); // Answer, based on 1 note(s).
// #endregion agent
