// Lesson 3: when every attempt fails, execFallback decides what happens.
import { Node } from "../../../core/index";

// A stand-in model that is down for good.
const callLlm = async (_prompt: string): Promise<string> => {
  throw new Error("503 Service Unavailable");
};

// #region fallback
type Store = { article: string; summary?: string };

class Summarize extends Node<Store, string, string> {
  override prep(shared: Store) {
    return shared.article;
  }
  override exec(article: string) {
    return callLlm(`Summarize: ${article}`);
  }
  override execFallback(article: string, error: Error) {
    const tries = this.maxRetries;
    console.warn(`giving up after ${tries} attempts: ${error.message}`);
    // A worse summary beats a crashed run:
    return article.slice(0, 40) + "…";
  }
  override post(shared: Store, _article: string, summary: string) {
    // post cannot tell exec's result from the fallback's:
    shared.summary = summary;
  }
}

const shared: Store = {
  article: "PocketFlow models an LLM app as a graph of small nodes.",
};
await new Summarize({ maxRetries: 2 }).run(shared);
console.log(shared.summary);
// PocketFlow models an LLM app as a graph …
// #endregion fallback
