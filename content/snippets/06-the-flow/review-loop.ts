// A small editing loop: review a draft, revise it until the reviewer is happy, then publish it.
import { Flow, Node } from "../../../core/index";

// #region store
type Store = { draft: string; requests: string[]; published?: string };
// #endregion store

// #region nodes
/** Lists what the draft still lacks: "rejected" while anything does, else "approved". */
class Review extends Node<Store, string, string[]> {
  override prep(shared: Store) {
    return shared.draft;
  }
  override exec(draft: string) {
    // A stand-in for an LLM reviewer: it wants a title and an example.
    const requests: string[] = [];
    if (!draft.startsWith("# ")) requests.push("add a title");
    if (!draft.includes("For example")) requests.push("add an example");
    return requests;
  }
  override post(shared: Store, _draft: string, requests: string[]) {
    shared.requests = requests;
    return requests.length > 0 ? "rejected" : "approved";
  }
}

/** Handles the first open request; returns nothing, so the flow follows "default". */
class Revise extends Node<Store, [string, string | undefined], string> {
  override prep(shared: Store): [string, string | undefined] {
    return [shared.draft, shared.requests[0]];
  }
  override exec([draft, request]: [string, string | undefined]) {
    if (request === "add a title") return `# Flows\n${draft}`;
    if (request === "add an example") return `${draft} For example, review → revise → review.`;
    return draft;
  }
  override post(shared: Store, _input: [string, string | undefined], revised: string) {
    shared.draft = revised;
  }
}

class Publish extends Node<Store> {
  override post(shared: Store) {
    shared.published = shared.draft;
  }
}
// #endregion nodes

// #region graph
const review = new Review();
const revise = new Revise();
review.on("rejected", revise);
review.on("approved", new Publish());
revise.next(review); // "default": after each revision, review again

const flow = new Flow(review);
// #endregion graph

// #region run
const shared: Store = { draft: "A flow follows actions.", requests: [] };
await flow.run(shared);
console.log(shared.published);
// #endregion run
