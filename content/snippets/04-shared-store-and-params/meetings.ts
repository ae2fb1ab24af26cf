// Lesson 4: two nodes that talk only through the shared store; params say which meeting to work on.
// `npx tsx content/snippets/04-shared-store-and-params/meetings.ts`
import { Node, type Params } from "../../../core/index";

// A stand-in model that "summarizes" by keeping the first sentence.
const callLlm = async (prompt: string) => prompt.split("\n")[1]?.split(".")[0] + ".";

// #region store
/** The contract between the nodes: who writes what. */
type Store = {
  /** Input: raw notes by meeting id. */
  meetings: Record<string, string>;
  /** Written by Summarize, one entry per meeting. */
  summaries: Record<string, string>;
  /** Written by Digest, from all the summaries. */
  digest?: string;
};
// #endregion store

// #region params
/** Params are untyped values from the flow: check what you read. */
function meetingIdOf(params: Params): string {
  const id = params.meetingId;
  if (typeof id !== "string") {
    throw new Error("Summarize needs a string param 'meetingId'");
  }
  return id;
}
// #endregion params

// #region nodes
class Summarize extends Node<Store, string, string> {
  override prep(shared: Store) {
    return shared.meetings[meetingIdOf(this.params)] ?? "";
  }
  override exec(notes: string) {
    return callLlm(`Summarize these notes:\n${notes}`);
  }
  override post(shared: Store, _notes: string, summary: string) {
    shared.summaries[meetingIdOf(this.params)] = summary;
  }
}

class Digest extends Node<Store, [string, string][], string> {
  override prep(shared: Store) {
    return Object.entries(shared.summaries);
  }
  override exec(entries: [string, string][]) {
    return entries.map(([id, summary]) => `${id}: ${summary}`).join("\n");
  }
  override post(shared: Store, _: [string, string][], digest: string) {
    shared.digest = digest;
  }
}
// #endregion nodes

// #region run-by-hand
const shared: Store = {
  meetings: {
    standup: "Ship on Friday. The docs are late.",
    retro: "Fewer meetings. Pairing helped.",
  },
  summaries: {},
};

const summarize = new Summarize(); // one node, run once per meeting...
for (const meetingId of ["standup", "retro"]) {
  summarize.setParams({ meetingId }); // ...told which meeting by params
  await summarize.run(shared);
}
await new Digest().run(shared);

console.log(shared.digest);
// standup: Ship on Friday.
// retro: Fewer meetings.
// #endregion run-by-hand
