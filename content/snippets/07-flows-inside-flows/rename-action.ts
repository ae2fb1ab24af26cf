// A flow's post decides what the flow as a whole answers; by default, its last node's action.
import { Flow, Node, type Action } from "../../../core/index";

type Store = { question: string; answer?: string };

/** Ends with one of several detailed actions, depending on where it found an answer. */
class Lookup extends Node<Store> {
  override post(shared: Store) {
    if (shared.question.includes("meaning of life")) {
      shared.answer = "42";
      return "found in cache";
    }
    return "not found";
  }
}

// #region rename
/** Whatever happened inside, the outside only ever hears "done" or "gave up". */
class Research extends Flow<Store> {
  override post(shared: Store, _prepRes: unknown, lastAction: Action | undefined) {
    console.log(`the inner flow ended with '${lastAction}'`);
    return shared.answer === undefined ? "gave up" : "done";
  }
}

const research = new Research(new Lookup());
console.log(await research.run({ question: "the meaning of life?" }));
// the inner flow ended with 'found in cache'
// done
// #endregion rename
