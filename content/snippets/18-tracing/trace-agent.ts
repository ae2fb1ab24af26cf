// Lesson 18: the course's tracer (core/trace.ts) on a small agent: each step, what it changed, the graph.
// Runs offline: `npx tsx content/snippets/18-tracing/trace-agent.ts`
import { formatTrace, toMermaid, Tracer } from "../../../core/trace";
import { buildAgent } from "./agent";

/** Decide → SearchWeb → Decide → …: its first reply is chatter, so exec throws once and retries. */
const agent = buildAgent();

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
