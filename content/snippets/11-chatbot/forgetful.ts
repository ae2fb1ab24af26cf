// Lesson 11: why a loop's memory belongs in the shared store, not in fields of the node.
// `npx tsx content/snippets/11-chatbot/forgetful.ts`
import { Flow, Node } from "../../../core/index";

type Store = { inbox: string[] };

// #region forgetful
class Forgetful extends Node<Store> {
  turns = 0; // every turn runs a fresh copy of the graph's node, so this starts from 0 each time
  heard: string[] = []; // a shallow copy shares this one array: every turn, and every run, sees it

  override post(shared: Store) {
    const line = shared.inbox.shift();
    if (line === undefined) return "done";
    this.turns += 1;
    this.heard.push(line);
    console.log(`turns: ${this.turns} · heard: ${this.heard.join(" / ")}`);
    return "continue";
  }
}

const node = new Forgetful();
node.on("continue", node);
node.on("done", new Node<Store>()); // an end node with nothing to do
const flow = new Flow(node);

await flow.run({ inbox: ["hi", "I'm Ana"] }); // Ana's conversation
await flow.run({ inbox: ["hello"] }); // Ben's conversation, with a store of its own
// #endregion forgetful
