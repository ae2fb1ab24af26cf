// Lesson 3: exec throws on a bad answer, and the node retries it with a stricter prompt.
// `npx tsx content/snippets/03-retries-and-fallback/rate-review.ts`
import { Node } from "../../../core/index";

// A stand-in model: chatty unless the prompt insists on a bare number.
const callLlm = async (prompt: string) =>
  prompt.includes("ONLY the digit") ? "4" : "I'd say this review is quite positive, maybe a 4?";

// #region rate-review
type Store = { review: string; stars?: number };

class RateReview extends Node<Store, string, number> {
  override prep(shared: Store) {
    return shared.review;
  }

  override async exec(review: string) {
    // curRetry is 0 on the first attempt, 1 on the second, ...
    const strict = this.curRetry > 0 ? "\nReply with ONLY the digit." : "";
    const reply = await callLlm(`Rate from 1 to 5:\n${review}${strict}`);
    console.log(`attempt ${this.curRetry}: ${JSON.stringify(reply)}`);
    const stars = Number(reply.trim());
    if (!Number.isInteger(stars) || stars < 1 || stars > 5) {
      throw new Error(`not a rating: ${reply}`); // so: try again
    }
    return stars;
  }

  override post(shared: Store, _review: string, stars: number) {
    shared.stars = stars;
  }
}

const shared: Store = { review: "Small, readable, and it just works." };
// Up to 3 attempts, 0.5 seconds apart:
await new RateReview({ maxRetries: 3, wait: 0.5 }).run(shared);
console.log(shared.stars); // 4
// #endregion rate-review
