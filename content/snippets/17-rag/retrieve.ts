// Lesson 17: retrieval by cosine similarity, with a toy embedding you can read; then a cited answer, checked.
// `npx tsx content/snippets/17-rag/retrieve.ts`
import { cosine, topK } from "../../../examples/utils/vectors";

type Chunk = { source: string; text: string };

// A scripted model whose answer cites one passage it was never shown.
const llm = async (_prompt: string) =>
  "Up to maxRetries attempts, with a wait between them [03-retries]; per item in a batch [08-batch] [09-parallel].";

// #region embed
/** A toy embedding: how often each stem occurs. Real models learn theirs. */
const STEMS = ["retr", "wait", "flow", "cop", "node", "batch", "item", "store"];
const embed = async (text: string): Promise<number[]> => {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  return STEMS.map((stem) => words.filter((word) => word.startsWith(stem)).length);
};

const chunks: Chunk[] = [
  {
    source: "03-retries",
    text: "A node retries exec maxRetries times, with a wait in between.",
  },
  {
    source: "06-the-flow",
    text: "A flow runs a copy of each node, so the same flow can run twice.",
  },
  {
    source: "08-batch",
    text: "A batch node runs exec per item; each item retries and waits alone.",
  },
  {
    source: "scratch",
    text: "Node, node, node: notes that say node again and again, node after node.",
  },
];
// #endregion embed

// #region score
// Offline, once: a vector per chunk. Online, per question: the same embedding.
const vectors = await Promise.all(chunks.map((chunk) => embed(chunk.text)));
const question = "How does a node retry, and how long does it wait?";
const queryVector = await embed(question);

function dot(a: number[], b: number[]) {
  return a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
}
chunks.forEach((chunk, i) => {
  const vector = vectors[i] ?? [];
  const scores = [dot(queryVector, vector), cosine(queryVector, vector).toFixed(2)];
  console.log(chunk.source.padEnd(12), `dot ${scores[0]}`, `cosine ${scores[1]}`);
});
// 03-retries   dot 3 cosine 1.00
// 06-the-flow  dot 1 cosine 0.24
// 08-batch     dot 3 cosine 0.61
// scratch      dot 6 cosine 0.58   ← the dot product would rank it first

// topK, from the example's utils/vectors.ts: score all, sort best first, keep k.
const hits = topK(queryVector, vectors, 2).flatMap(({ index, score }) => {
  const chunk = chunks[index];
  return chunk ? [{ ...chunk, score }] : [];
});
console.log(hits.map((hit) => `${hit.source} ${hit.score.toFixed(2)}`).join(", "));
// 03-retries 1.00, 08-batch 0.61
// #endregion score

// #region cite
type Hit = Chunk & { score: number };

/** Each passage is labelled with its source, so that claims can cite it. */
function answerPrompt(question: string, hits: Hit[]): string {
  const rules = [
    "Answer the question using only the passages below.",
    "Cite the source of each claim, like [03-retries].",
    "If the passages do not contain the answer, say so.",
  ];
  const passages = hits.map((hit) => `[${hit.source}] ${hit.text}`);
  return [rules.join("\n"), passages.join("\n"), `Question: ${question}`].join("\n\n");
}

/** A citation of a source that was never retrieved is a red flag. */
function checkCitations(answer: string, retrieved: string[]) {
  const tags = [...answer.matchAll(/\[([\w-]+)\]/g)].map((match) => match[1] ?? "");
  const cited = [...new Set(tags)];
  return {
    grounded: cited.filter((source) => retrieved.includes(source)),
    unknown: cited.filter((source) => !retrieved.includes(source)),
  };
}

const answer = await llm(answerPrompt(question, hits));
const retrieved = hits.map((hit) => hit.source);
console.log(checkCitations(answer, retrieved));
// { grounded: [ '03-retries', '08-batch' ], unknown: [ '09-parallel' ] }
// #endregion cite
