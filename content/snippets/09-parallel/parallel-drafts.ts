// The travel guide's drafting step, in parallel: the same four calls, with different limits.
import { ParallelBatchNode, type Items } from "../../../core/index";

type Store = { sections: string[]; drafts?: string[] };

// How long each call takes: the 3, 2, 4 and 1 seconds of the pictures, scaled down to milliseconds.
const durations: Record<string, number> = {
  "Day one": 300,
  "Day two": 200,
  "Where to eat": 400,
  "Getting around": 100,
};
const llm = async (section: string) => {
  await new Promise((done) => setTimeout(done, durations[section] ?? 0));
  return `(draft of ${section})`;
};

// #region parallel
class DraftSections extends ParallelBatchNode<Store, string, string> {
  override prep(shared: Store) {
    return shared.sections;
  }
  override exec(section: string) {
    return llm(section); // unchanged: still one item per call
  }
  override post(shared: Store, _sections: Items<string>, drafts: string[]) {
    shared.drafts = drafts; // still in the order of the sections
  }
}
// #endregion parallel

// #region compare
async function timed(node: DraftSections) {
  const shared: Store = { sections: Object.keys(durations) };
  const started = performance.now();
  await node.run(shared);
  return `${Math.round(performance.now() - started)} ms`;
}

console.log("all at once:  ", await timed(new DraftSections())); // about 400 ms: the longest
console.log("two at a time:", await timed(new DraftSections({ maxConcurrency: 2 }))); // about 600 ms
console.log("one at a time:", await timed(new DraftSections({ maxConcurrency: 1 }))); // about 1000 ms: the sum
// #endregion compare
