// Lesson 14: the map step of lesson 13 with many calls in flight, measured against a rate-limited provider.
// Runs offline with timed stand-in calls: `npx tsx content/snippets/14-parallel-calls/measure.ts`
import { ParallelBatchNode, type ConcurrencyOptions, type NodeOptions } from "../../../core/index";

type CallLLM = (prompt: string) => Promise<string>;
type Review = { id: string; text: string };
type ReviewStore = { reviews: Review[]; verdicts?: string[] };

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// #region parallel
class ClassifyReviews extends ParallelBatchNode<ReviewStore, Review, string> {
  constructor(
    private readonly llm: CallLLM,
    { maxConcurrency = 3, ...options }: NodeOptions & ConcurrencyOptions = {},
  ) {
    super({ maxConcurrency, ...options }); // the only change from a BatchNode: the limit
  }

  override prep(shared: ReviewStore) {
    return shared.reviews;
  }

  override exec(review: Review) {
    return this.llm(`Classify this review: ${review.text}`); // unchanged: one review per call
  }

  override execFallback(review: Review, error: Error) {
    return `${review.id}: not classified (${error.message})`;
  }

  override post(shared: ReviewStore, _reviews: Review[], verdicts: string[]) {
    shared.verdicts = verdicts; // in input order, whatever order the calls finished in
  }
}
// #endregion parallel

// #region provider
/** A stand-in provider: each call takes `ms`, and more than `limit` calls in flight get a 429. */
function provider(ms: number, limit: number) {
  const stats = { calls: 0, rejected: 0, inFlight: 0, peak: 0, busyMs: 0 };
  const llm: CallLLM = async (prompt) => {
    stats.calls++;
    if (stats.inFlight >= limit) {
      stats.rejected++;
      throw new Error("429 Too Many Requests");
    }
    stats.inFlight++;
    stats.peak = Math.max(stats.peak, stats.inFlight);
    await sleep(ms);
    stats.inFlight--;
    stats.busyMs += ms;
    return `verdict for ${prompt.slice(-3)}`;
  };
  return { llm, stats };
}
// #endregion provider

// #region measure
const reviews = Array.from({ length: 12 }, (_, i) => ({ id: `r${i + 1}`, text: `Review #${i + 1}` }));

for (const maxConcurrency of [1, 4, Infinity]) {
  const { llm, stats } = provider(100, 4); // 100 ms a call; the provider allows 4 at once
  const node = new ClassifyReviews(llm, { maxConcurrency, maxRetries: 3, wait: 0.05 });
  const shared: ReviewStore = { reviews };
  const started = performance.now();
  await node.run(shared);
  const wall = Math.round(performance.now() - started);
  const lost = shared.verdicts?.filter((v) => v.includes("not classified")).length;
  console.log(
    `limit ${maxConcurrency}: wall ${wall} ms · sum of calls ${stats.busyMs} ms ·`,
    `peak ${stats.peak} in flight · ${stats.rejected} × 429 · ${lost} lost`,
  );
}
// #endregion measure
