// Lesson 17: retrieval by cosine similarity, with a toy embedding you can read; then a cited answer, checked.
// `npx tsx content/snippets/17-rag/retrieve.ts`
import { cosine, topK } from "../../../examples/utils/vectors";

type Chunk = { source: string; text: string };

// A scripted model whose answer cites one passage it was never shown.
const llm = async (_prompt: string) =>
  "Up to maxRetries attempts, with a wait between them [03-retries]; per item in a batch [08-batch] [09-parallel].";

// #region embed
/** A toy embedding: how often each stem occurs. Real models learn ~1,000 dimensions; the geometry is the same. */
const STEMS = ["retr", "wait", "flow", "cop", "node", "batch", "item", "store"];
const embed = async (text: string): Promise<number[]> => {
  const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
  return STEMS.map((stem) => words.filter((word) => word.startsWith(stem)).length);
};

const chunks: Chunk[] = [
  { source: "03-retries", text: "A node retries exec up to maxRetries times, with a wait between attempts." },
  { source: "06-the-flow", text: "A flow runs a copy of each node, so the same flow can run twice." },
  {
    source: "08-batch",
    text: "A batch node runs exec once per item; each item retries and waits on its own.",
  },
  { source: "scratch", text: "Node, node, node: notes that say node again and again, node after node." },
];
// #endregion embed

// #region score
const vectors = await Promise.all(chunks.map((chunk) => embed(chunk.text))); // offline, once
const question = "How does a node retry, and how long does it wait?";
const queryVector = await embed(question); // online, per question: the same embedding

const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
chunks.forEach((chunk, i) => {
  const vector = vectors[i] ?? [];
  console.log(
    chunk.source.padEnd(12),
    `dot ${dot(queryVector, vector)}`,
    `cosine ${cosine(queryVector, vector).toFixed(2)}`,
  );
});
// 03-retries   dot 3 cosine 1.00
// 06-the-flow  dot 1 cosine 0.24
// 08-batch     dot 3 cosine 0.61
// scratch      dot 6 cosine 0.58   ← the raw dot product would rank the repetitive note first

// topK (from the example's utils/vectors.ts) scores every vector, sorts best first and keeps k.
const hits = topK(queryVector, vectors, 2).flatMap(({ index, score }) => {
  const chunk = chunks[index];
  return chunk ? [{ ...chunk, score }] : [];
});
console.log(hits.map((hit) => `${hit.source} ${hit.score.toFixed(2)}`).join(", "));
// 03-retries 1.00, 08-batch 0.61
// #endregion score

// #region cite
type Hit = Chunk & { score: number };

/** Each passage is labelled with its source, so the model can say where each claim came from. */
const answerPrompt = (question: string, hits: Hit[]) =>
  `Answer using only the passages below, citing each claim's source like [03-retries].
If the passages do not contain the answer, say so.

${hits.map((hit) => `[${hit.source}] ${hit.text}`).join("\n")}

Question: ${question}`;

/** A citation of something never retrieved is a red flag: the model did not get it from the passages. */
function checkCitations(answer: string, retrieved: string[]) {
  const cited = [...new Set([...answer.matchAll(/\[([\w-]+)\]/g)].map((match) => match[1] ?? ""))];
  return {
    grounded: cited.filter((s) => retrieved.includes(s)),
    unknown: cited.filter((s) => !retrieved.includes(s)),
  };
}

const answer = await llm(answerPrompt(question, hits));
console.log(
  checkCitations(
    answer,
    hits.map((hit) => hit.source),
  ),
);
// { grounded: [ '03-retries', '08-batch' ], unknown: [ '09-parallel' ] }
// #endregion cite
