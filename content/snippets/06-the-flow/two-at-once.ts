// Two runs of the same flow at the same time: each run works on its own copies of the nodes.
import { Flow, Node } from "../../../core/index";

type Store = { url: string; summary?: string };

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

// #region two-at-once
/** Remembers the page it fetched on `this`, between prep and post. */
class Summarize extends Node<Store> {
  source = "";

  override async prep(shared: Store) {
    this.source = shared.url;
    await pause(shared.url.length); // a stand-in for fetching the page
  }
  override post(shared: Store) {
    shared.summary = `summary of ${this.source}`;
  }
}

const flow = new Flow(new Summarize());
const first: Store = { url: "https://example.com/a-long-article" };
const second: Store = { url: "https://example.com/short" };

// Both runs start before either finishes: their awaits interleave.
await Promise.all([flow.run(first), flow.run(second)]);

console.log(first.summary); // summary of https://example.com/a-long-article
console.log(second.summary); // summary of https://example.com/short
// #endregion two-at-once
