// Lesson 5: a node returns an action; its successors map says where that action leads.
// `npx tsx content/snippets/05-transitions/review.ts`
import { Node } from "../../../core/index";

// A stand-in reviewer model: it approves drafts that mention tests.
const callLlm = async (prompt: string) => (prompt.includes("tests") ? "approved" : "rejected");

type Store = { draft: string; published?: string };

// #region review
class Review extends Node<Store, string, string> {
  override prep(shared: Store) {
    return shared.draft;
  }
  override exec(draft: string) {
    return callLlm(`Reply "approved" or "rejected":\n${draft}`);
  }
  override post(_shared: Store, _draft: string, verdict: string) {
    // Only ever one of the two words the graph knows:
    return verdict === "approved" ? "approved" : "rejected";
  }
}
// #endregion review

class Publish extends Node<Store> {
  override post(shared: Store) {
    shared.published = shared.draft;
  }
}

class Revise extends Node<Store> {
  override post(shared: Store) {
    shared.draft += " Now with tests.";
  }
}

// #region wire
const review = new Review();
const publish = new Publish();
const revise = new Revise();

review.on("approved", publish); // = review.next(publish, "approved")
review.on("rejected", revise);
revise.next(review); // "default": back to review after each revision

console.log([...review.successors.keys()]); // [ 'approved', 'rejected' ]
console.log(revise.successors.get("default") === review); // true
// #endregion wire

// #region one-step
const shared: Store = { draft: "PocketFlow in 100 lines." };
// Warns: Node won't run successors. Use Flow.
const action = await review.run(shared);
const nextNode = review.successors.get(action ?? "default");
console.log(action, "→", nextNode?.constructor.name);
// rejected → Revise
// #endregion one-step
