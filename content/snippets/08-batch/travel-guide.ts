// Outline → draft every section (a BatchNode) → combine: the shared store gains a list, then a second one.
import { BatchNode, Flow, Node, type Items } from "../../../core/index";

type Store = { topic: string; sections?: string[]; drafts?: string[]; guide?: string };

/** A stand-in for an LLM call: it takes a moment, then answers. */
const llm = async (prompt: string) => {
  await new Promise((done) => setTimeout(done, 100));
  return `(text for: ${prompt})`;
};

class Outline extends Node<Store, string, string[]> {
  override prep(shared: Store) {
    return shared.topic;
  }
  override exec(_topic: string) {
    return ["Day one", "Day two", "Where to eat", "Getting around"]; // an LLM would plan these
  }
  override post(shared: Store, _topic: string, sections: string[]) {
    shared.sections = sections;
  }
}

// #region draft
class DraftSections extends BatchNode<Store, string, string> {
  override prep(shared: Store) {
    return shared.sections; // a list: exec runs once per item
  }
  override exec(section: string) {
    return llm(`the section "${section}"`); // one item, one call
  }
  override execFallback(section: string) {
    return `(${section}: to be written)`; // after this item's last failed attempt
  }
  override post(shared: Store, _sections: Items<string>, drafts: string[]) {
    shared.drafts = drafts; // every result, in the order of the sections
  }
}
// #endregion draft

class Combine extends Node<Store, string[], string> {
  override prep(shared: Store) {
    return shared.drafts ?? [];
  }
  override exec(drafts: string[]) {
    return drafts.join("\n\n");
  }
  override post(shared: Store, _drafts: string[], guide: string) {
    shared.guide = guide;
  }
}

// #region run
const outline = new Outline();
outline.next(new DraftSections({ maxRetries: 3, wait: 1 })).next(new Combine());

const shared: Store = { topic: "Lisbon in two days" };
const started = performance.now();
await new Flow(outline).run(shared);
console.log(shared.drafts?.length, "drafts in", Math.round(performance.now() - started), "ms");
// 4 drafts in 402 ms: four calls of 100 ms, one after another
// #endregion run
