// Lesson 18: the small agent that the lesson traces (trace-agent.ts) and that its trace figure runs at
// build time (TraceStepsDiagram.astro). A scripted brain: chatter first (so exec throws once), then
// search twice, then answer.
import { Flow, Node, type Action } from "../../../core/index";

export type AgentStore = { question: string; findings: string[]; query?: string; answer?: string };

const QUERIES = ["nobel physics 2024", "hopfield hinton"];

export function buildAgent(replies = ["Sure, let me think", "search", "search", "answer"]): Flow<AgentStore> {
  let calls = 0;

  class Decide extends Node<AgentStore, number, "search" | "answer"> {
    constructor() {
      super({ maxRetries: 2 });
    }
    override prep(shared: AgentStore) {
      return shared.findings.length;
    }
    override exec() {
      const reply = replies[calls++] ?? "answer";
      if (reply !== "search" && reply !== "answer") throw new Error(`not an action: "${reply}"`);
      return reply;
    }
    override post(shared: AgentStore, found: number, action: "search" | "answer"): Action {
      if (action === "search") shared.query = QUERIES[found] ?? "more";
      return action;
    }
  }
  class SearchWeb extends Node<AgentStore> {
    override post(shared: AgentStore): Action {
      shared.findings.push(`results for ${shared.query ?? "?"}`);
      return "decide";
    }
  }
  class Answer extends Node<AgentStore> {
    override post(shared: AgentStore): Action {
      shared.answer = "Hopfield and Hinton";
      return "done";
    }
  }

  const decide = new Decide();
  decide.on("search", new SearchWeb()).on("decide", decide);
  decide.on("answer", new Answer());
  return new Flow<AgentStore>(decide);
}
