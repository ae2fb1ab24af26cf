// Lesson 13: map-reduce over product reviews. Map: one model call per review (a BatchNode).
// Reduce: one pass over all the verdicts (a Node, plain code). `npx tsx content/snippets/13-map-reduce/reviews.ts`
import { parse } from "yaml";
import { BatchNode, Flow, Node, type NodeOptions } from "../../../core/index";

type CallLLM = (prompt: string) => Promise<string>;

// #region types
type Review = { id: string; text: string };
type Sentiment = "positive" | "negative" | "mixed";
/** One review's result: small, structured, and marked when the model never gave a usable answer. */
type Verdict = { id: string; sentiment: Sentiment | "unknown"; topic: string; error?: string };
type Report = { total: number; counts: Record<string, number>; topics: string[]; unreadable: string[] };
type ReviewStore = { reviews: Review[]; verdicts?: Verdict[]; report?: Report };
// #endregion types

const SENTIMENTS: Sentiment[] = ["positive", "negative", "mixed"];
const isSentiment = (value: unknown): value is Sentiment => SENTIMENTS.some((s) => s === value);

/** Lesson 12's pipeline in a few lines: fenced YAML → object → checked fields. */
function readVerdict(answer: string, id: string): Verdict {
  const body = answer.split("```yaml")[1]?.split("```")[0];
  if (body === undefined) throw new Error("the answer has no ```yaml block");
  const data = (parse(body) ?? {}) as Record<string, unknown>;
  if (!isSentiment(data.sentiment)) throw new Error(`unknown sentiment ${JSON.stringify(data.sentiment)}`);
  if (typeof data.topic !== "string") throw new Error("topic is missing");
  return { id, sentiment: data.sentiment, topic: data.topic };
}

const reviewPrompt = (text: string) =>
  `Classify this review. Answer with a \`\`\`yaml block: sentiment (positive, negative or mixed) and topic (one word).\n\n${text}`;

// #region map
class ClassifyReviews extends BatchNode<ReviewStore, Review, Verdict> {
  constructor(
    private readonly llm: CallLLM,
    options?: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: ReviewStore) {
    return shared.reviews; // the whole list...
  }

  override async exec(review: Review) {
    // ...but exec sees one review at a time, with its own retries
    return readVerdict(await this.llm(reviewPrompt(review.text)), review.id);
  }

  override execFallback(review: Review, error: Error): Verdict {
    return { id: review.id, sentiment: "unknown", topic: "", error: error.message };
  }

  override post(shared: ReviewStore, _reviews: Review[], verdicts: Verdict[]) {
    shared.verdicts = verdicts; // every result, in the order of the reviews
  }
}
// #endregion map

// #region reduce
class Tally extends Node<ReviewStore, Verdict[], Report> {
  override prep(shared: ReviewStore) {
    return shared.verdicts ?? [];
  }

  override exec(verdicts: Verdict[]): Report {
    const counts: Record<string, number> = {};
    for (const v of verdicts) counts[v.sentiment] = (counts[v.sentiment] ?? 0) + 1;
    const complaints = verdicts.filter((v) => v.sentiment === "negative").map((v) => v.topic);
    return {
      total: verdicts.length,
      counts,
      topics: [...new Set(complaints)],
      unreadable: verdicts.filter((v) => v.error !== undefined).map((v) => v.id),
    };
  }

  override post(shared: ReviewStore, _verdicts: Verdict[], report: Report) {
    shared.report = report;
  }
}
// #endregion reduce

// A stand-in model that judges by keywords, and never manages valid YAML for review r5.
let calls = 0;
const llm: CallLLM = async (prompt) => {
  calls++;
  if (prompt.includes("ASDF")) return "I'm not sure what to make of this one.";
  const sentiment = /broke|late/.test(prompt) ? "negative" : /but/.test(prompt) ? "mixed" : "positive";
  const topic = /deliver|late/.test(prompt) ? "delivery" : /battery/.test(prompt) ? "battery" : "design";
  return `\`\`\`yaml\nsentiment: ${sentiment}\ntopic: ${topic}\n\`\`\``;
};

// #region run
const reviews: Review[] = [
  { id: "r1", text: "Love the design, feels solid." },
  { id: "r2", text: "The battery broke after a week." },
  { id: "r3", text: "Nice screen, but the battery is weak." },
  { id: "r4", text: "Delivery was late, twice." },
  { id: "r5", text: "ASDF ASDF" },
  { id: "r6", text: "Beautiful design." },
];

const map = new ClassifyReviews(llm, { maxRetries: 2 });
map.next(new Tally());
const shared: ReviewStore = { reviews };
await new Flow(map).run(shared);
console.log(shared.report, `${calls} model calls`);
// #endregion run
