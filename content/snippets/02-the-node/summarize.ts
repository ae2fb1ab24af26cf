// Lesson 2: one node, run on its own. `npx tsx content/snippets/02-the-node/summarize.ts`
import { BaseNode } from "../../../core/index";

// A stand-in for a real model call: it answers after a short pause, like a network request would.
const callLlm = async (prompt: string) => {
  await new Promise((done) => setTimeout(done, 50));
  return `(summary of ${prompt.length} characters)`;
};

// #region summarize
type Store = { article: string; summary?: string };

class Summarize extends BaseNode<Store, string, string> {
  override prep(shared: Store) {
    console.log("prep: read the article from the store");
    return shared.article;
  }

  override async exec(article: string) {
    console.log("exec: call the model with what prep returned");
    return callLlm(`Summarize in one sentence:\n${article}`);
  }

  override post(shared: Store, _article: string, summary: string) {
    console.log("post: write the summary back, pick an action");
    shared.summary = summary;
    return "summarized";
  }
}

const shared: Store = {
  article: "PocketFlow is a tiny framework for LLM apps...",
};
const action = await new Summarize().run(shared);
console.log(action, shared);
// #endregion summarize
