// Lesson 18: the course's tracer (core/trace.ts) on a small agent: each step, what it changed, the graph.
// Runs offline: `npx tsx content/snippets/18-tracing/trace-agent.ts`
import { Flow, Node, type Action } from "../../../core/index";
import { formatTrace, toMermaid, Tracer } from "../../../core/trace";

type Store = { question: string; findings: string[]; query?: string; answer?: string };

/** A scripted brain: search twice, then answer. Its first reply is chatter, so exec throws once. */
class Decide extends Node<Store, number, "search" | "answer"> {
  private static replies = ["Sure, let me think", "search", "search", "answer"];
  private static calls = 0;
  constructor() {
    super({ maxRetries: 2 });
  }
  override prep(shared: Store) {
    return shared.findings.length;
  }
  override exec() {
    const reply = Decide.replies[Decide.calls++] ?? "answer";
    if (reply !== "search" && reply !== "answer") throw new Error(`not an action: "${reply}"`);
    return reply;
  }
  override post(shared: Store, found: number, action: "search" | "answer"): Action {
    if (action === "search") shared.query = found === 0 ? "nobel physics 2024" : "hopfield hinton";
    return action;
  }
}
class SearchWeb extends Node<Store> {
  override post(shared: Store): Action {
    shared.findings.push(`results for ${shared.query ?? "?"}`);
    return "decide";
  }
}
class Answer extends Node<Store> {
  override post(shared: Store): Action {
    shared.answer = "Hopfield and Hinton";
    return "done";
  }
}

const decide = new Decide();
decide.on("search", new SearchWeb()).on("decide", decide);
decide.on("answer", new Answer());
const agent = new Flow<Store>(decide);

// #region attach
const tracer = new Tracer();
await tracer.attach(agent).run({ question: "Who won the 2024 Nobel Prize in Physics?", findings: [] });
const { steps } = tracer.take();
console.log(formatTrace(steps, { timings: false }).join("\n"));
// #endregion attach
// #region output
// → 1. Flow → "done"
// →   2. Decide → "search"
// →        exec threw 1 time (last: not an action: "Sure, let me think")
// →        + query = "nobel physics 2024"
// →   3. SearchWeb → "decide"
// →        + findings[0] = "results for nobel physics 2024"
// →   4. Decide → "search"
// →        ~ query: "nobel physics 2024" → "hopfield hinton"
// →   5. SearchWeb → "decide"
// →        + findings[1] = "results for hopfield hinton"
// →   6. Decide → "answer"
// →   7. Answer → "done"
// →        + answer = "Hopfield and Hinton"
// #endregion output

// #region mermaid
console.log(toMermaid(agent));
// → flowchart LR
// →   n0_start((start)) --> n1
// →   n1["Decide"]
// →   n2["SearchWeb"]
// →   n3["Answer"]
// →   n1 -->|"search"| n2
// →   n1 -->|"answer"| n3
// →   n2 -->|"decide"| n1
// #endregion mermaid
