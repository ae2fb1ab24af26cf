// Lesson 3: why exec must not change the shared store. LeakyReply is wrong on purpose; Reply is the fix.
import { Node } from "../../../core/index";

// A stand-in model: every other answer it gives is unusable, starting with the first.
let calls = 0;
const callLlm = async (_history: readonly string[]) => (++calls % 2 === 1 ? "<garbled>" : "Hello!");

// #region leaky
type Store = { history: string[] };

class LeakyReply extends Node<Store, string[], string> {
  override prep(shared: Store) {
    return shared.history; // hands exec the store's own array...
  }
  override async exec(history: string[]) {
    const reply = await callLlm(history);
    history.push(reply); // ...which exec changes, in the retried part
    if (reply.startsWith("<")) throw new Error("unusable reply");
    return reply;
  }
}

const shared: Store = { history: ["user: hi"] };
await new LeakyReply({ maxRetries: 2 }).run(shared);
console.log(shared.history);
// [ 'user: hi', '<garbled>', 'Hello!' ]: the failed attempt left a trace
// #endregion leaky

// #region fixed
class Reply extends Node<Store, readonly string[], string> {
  override prep(shared: Store) {
    return [...shared.history]; // a copy: no way back into the store
  }
  override async exec(history: readonly string[]) {
    const reply = await callLlm(history);
    if (reply.startsWith("<")) throw new Error("unusable reply");
    return reply; // no side effects: safe to run again
  }
  override post(shared: Store, _: readonly string[], reply: string) {
    shared.history.push(reply); // one write, once, after exec succeeded
  }
}

const fixed: Store = { history: ["user: hi"] };
await new Reply({ maxRetries: 2 }).run(fixed);
console.log(fixed.history); // [ 'user: hi', 'Hello!' ]
// #endregion fixed
