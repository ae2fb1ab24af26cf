// Lesson 2: hooks may be plain functions; `run` still returns a promise.
import { BaseNode } from "../../../core/index";

// #region count-words
type Store = { text: string; words?: number };

class CountWords extends BaseNode<Store, string, number> {
  override prep(shared: Store) {
    return shared.text;
  }
  override exec(text: string) {
    return text.split(/\s+/).filter(Boolean).length; // no await anywhere
  }
  override post(shared: Store, _text: string, words: number) {
    shared.words = words;
  }
}

const shared: Store = { text: "a graph of nodes and a shared store" };
const pending = new CountWords().run(shared); // a Promise, even though every hook is sync
console.log(await pending, shared.words); // undefined 8
// #endregion count-words
