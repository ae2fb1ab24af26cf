// Lesson 18: watch a flow without changing the core. Wrap post on every node of a small review flow.
// Runs offline: `npx tsx content/snippets/18-tracing/watch.ts`
import { Flow, Node, type Action } from "../../../core/index";

type Review = { text: string; score?: number; verdict?: string };

class Score extends Node<Review, string, number> {
  override prep(shared: Review) {
    return shared.text;
  }
  override exec(text: string) {
    return text.includes("!") ? 2 : 8; // a stand-in for a model's rating
  }
  override post(shared: Review, _text: string, score: number): Action {
    shared.score = score;
    return score >= 5 ? "approve" : "reject";
  }
}
class Approve extends Node<Review> {
  override post(shared: Review) {
    shared.verdict = "published";
  }
}
class Reject extends Node<Review> {
  override post(shared: Review) {
    shared.verdict = "sent back";
  }
}

// #region wrap
/** Every node of a graph, once each: follow the successors from the start. */
function nodesOf(start: Node<Review>): Node<Review>[] {
  const found = [start];
  for (const node of found) {
    for (const next of node.successors.values()) {
      if (!found.includes(next as Node<Review>)) found.push(next as Node<Review>);
    }
  }
  return found;
}

/** Wraps each node's post: the flow's copies keep the wrapper, so every run is seen. */
function watch(start: Node<Review>, log: string[]) {
  for (const node of nodesOf(start)) {
    const post = node.post; // the class's method, found on the prototype
    node.post = async function (this: Node<Review>, shared, prepRes, execRes) {
      const action = await post.call(this, shared, prepRes, execRes);
      log.push(`${this.constructor.name} → ${action ?? "default"}`);
      return action;
    };
  }
}
// #endregion wrap

// #region run
const score = new Score();
score.on("approve", new Approve());
score.on("reject", new Reject());
const log: string[] = [];
watch(score, log);
const flow = new Flow<Review>(score);
await flow.run({ text: "Clear and kind." });
await flow.run({ text: "Rubbish!" });
console.log(log.join("\n"));
// → Score → approve
// → Approve → default
// → Score → reject
// → Reject → default
console.log(Object.hasOwn(score, "post"), Object.getPrototypeOf(score) === Score.prototype);
// → true true
// #endregion run
