// A moderation sub-flow nested in a comment flow: the outer flow branches on the inner flow's last action.
import { Flow, Node } from "../../../core/index";

type Store = { comment: string; flagged?: string; published?: string; reply?: string };

// #region inner
/** Spots link spam. "spam" leaves early; nothing means carry on to the tone check. */
class CheckSpam extends Node<Store, string, boolean> {
  override prep(shared: Store) {
    return shared.comment;
  }
  override exec(comment: string) {
    return comment.includes("http") && /cheap|free/i.test(comment); // a stand-in for a classifier
  }
  override post(_shared: Store, _comment: string, spam: boolean) {
    return spam ? "spam" : undefined;
  }
}

/** Judges the tone and ends moderation with a verdict: "approved" or "rejected". */
class CheckTone extends Node<Store, string, boolean> {
  override prep(shared: Store) {
    return shared.comment;
  }
  override exec(comment: string) {
    return !/idiot|stupid/i.test(comment); // a stand-in for an LLM judging the tone
  }
  override post(shared: Store, _comment: string, polite: boolean) {
    if (!polite) shared.flagged = "rude";
    return polite ? "approved" : "rejected";
  }
}

class MarkSpam extends Node<Store> {
  override post(shared: Store) {
    shared.flagged = "spam";
    return "rejected";
  }
}

const checkSpam = new CheckSpam();
checkSpam.next(new CheckTone());
checkSpam.on("spam", new MarkSpam());

const moderation = new Flow(checkSpam);
// #endregion inner

// #region alone
// Before it is wired into anything, the sub-flow runs and can be tested on its own.
console.log(await moderation.run({ comment: "You idiot." })); // rejected
console.log(await moderation.run({ comment: "Nice one." })); // approved
// #endregion alone

// #region outer
class Receive extends Node<Store> {
  override prep(shared: Store) {
    shared.comment = shared.comment.trim();
  }
}

class Publish extends Node<Store> {
  override post(shared: Store) {
    shared.published = shared.comment;
  }
}

class Notify extends Node<Store> {
  override post(shared: Store) {
    shared.reply = `Held back: ${shared.flagged ?? "unknown reason"}.`;
  }
}

const receive = new Receive();
receive.next(moderation); // a flow is linked like any node…
moderation.on("approved", new Publish()); // …and its last action picks the edge
moderation.on("rejected", new Notify());

const commentFlow = new Flow(receive);
// #endregion outer

// #region run
for (const comment of ["  Great lesson, thanks! ", "Cheap pills at http://x.example", "You idiot."]) {
  const shared: Store = { comment };
  await commentFlow.run(shared);
  console.log(shared.published ?? shared.reply);
}
// Great lesson, thanks!
// Held back: spam.
// Held back: rude.
// #endregion run
