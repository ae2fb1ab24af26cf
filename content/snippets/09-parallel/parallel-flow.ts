// A ParallelBatchFlow: one run of a two-node sub-flow per page, at most three runs in flight.
import { Node, ParallelBatchFlow } from "../../../core/index";

type Store = { urls: string[]; pages: Record<string, string>; summaries: Record<string, string> };

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

// #region sub-flow
class Fetch extends Node<Store> {
  override async prep(shared: Store) {
    const url = String(this.params.url);
    await pause(100); // a stand-in for the download
    shared.pages[url] = `the text of ${url}`; // keyed by this run's param
  }
}

class Summarize extends Node<Store, string, string> {
  override prep(shared: Store) {
    return shared.pages[String(this.params.url)] ?? "";
  }
  override async exec(page: string) {
    await pause(100); // a stand-in for the LLM call
    return `summary of ${page}`;
  }
  override post(shared: Store, _page: string, summary: string) {
    shared.summaries[String(this.params.url)] = summary;
  }
}
// #endregion sub-flow

// #region parallel-flow
class EachPage extends ParallelBatchFlow<Store> {
  override prep(shared: Store) {
    return shared.urls.map((url) => ({ url }));
  }
}

const fetchPage = new Fetch();
fetchPage.next(new Summarize());
const eachPage = new EachPage(fetchPage, { maxConcurrency: 3 });

const urls = ["a", "b", "c", "d", "e", "f"].map((page) => `https://example.com/${page}`);
const shared: Store = { urls, pages: {}, summaries: {} };
const started = performance.now();
await eachPage.run(shared);
console.log(
  Object.keys(shared.summaries).length,
  "summaries in",
  Math.round(performance.now() - started),
  "ms",
);
// 6 summaries in 404 ms: six runs of 200 ms, three at a time
// #endregion parallel-flow
