// RAG: index the documents once (offline), then answer each question from the chunks most like it (online).
import { BatchNode, Flow, Node } from "./pocketflow";

// #region types
export type CallLLM = (prompt: string) => Promise<string>;
/** Turns a text into a vector; texts about the same thing get vectors that point the same way. */
export type Embed = (text: string) => Promise<number[]>;
export type Doc = { source: string; text: string };
export type Chunk = { source: string; text: string };
export type IndexedChunk = Chunk & { vector: number[] };
export type Hit = IndexedChunk & { score: number };
export type RetrieveInput = { queryVector: number[]; index: IndexedChunk[] };
export type AnswerInput = { question: string; hits: Hit[] };
export type RagOptions = { embed: Embed; llm: CallLLM; topK?: number };
export type RagStore = {
  docs: Doc[];
  chunks?: Chunk[];
  index?: IndexedChunk[];
  question?: string;
  queryVector?: number[];
  hits?: Hit[];
  answer?: string;
  sources?: string[];
};
// #endregion types

// #region given
/** Given: one chunk per paragraph (paragraphs are separated by blank lines). */
export function chunkText(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
}

/** Given: the answer prompt, each passage labelled with its source so the model can cite it. */
export function answerPrompt({ question, hits }: AnswerInput): string {
  const passages = hits.map((hit) => `[${hit.source}] ${hit.text}`).join("\n");
  return `Answer the question using only these passages, and cite their sources.\n\n${passages}\n\nQuestion: ${question}`;
}
// #endregion given

// #region cosine
/** How alike two vectors' directions are: 1 the same, 0 unrelated. Length does not matter; 0 for a zero vector. */
export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  });
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
// #endregion cosine

// #region offline
export class ChunkDocs extends Node<RagStore, Doc[], Chunk[]> {
  override prep(shared: RagStore): Doc[] {
    return shared.docs;
  }

  override exec(docs: Doc[]): Chunk[] {
    return docs.flatMap((doc) => chunkText(doc.text).map((text) => ({ source: doc.source, text })));
  }

  override post(shared: RagStore, _docs: Doc[], chunks: Chunk[]): void {
    shared.chunks = chunks;
  }
}

/** One embedding call per chunk; the vectors, with their chunks, are the index. */
export class EmbedChunks extends BatchNode<RagStore, Chunk, IndexedChunk> {
  private readonly embed: Embed;

  constructor(embed: Embed) {
    super();
    this.embed = embed;
  }

  override prep(shared: RagStore): Chunk[] {
    return shared.chunks ?? [];
  }

  override async exec(chunk: Chunk): Promise<IndexedChunk> {
    return { ...chunk, vector: await this.embed(chunk.text) };
  }

  override post(shared: RagStore, _chunks: Chunk[], index: IndexedChunk[]): void {
    shared.index = index;
  }
}
// #endregion offline

// #region online
export class EmbedQuery extends Node<RagStore, string, number[]> {
  private readonly embed: Embed;

  constructor(embed: Embed) {
    super();
    this.embed = embed;
  }

  override prep(shared: RagStore): string {
    return shared.question ?? "";
  }

  override exec(question: string): Promise<number[]> {
    return this.embed(question);
  }

  override post(shared: RagStore, _question: string, vector: number[]): void {
    shared.queryVector = vector;
  }
}

/** Scores every chunk against the question and keeps the topK best, best first. */
export class Retrieve extends Node<RagStore, RetrieveInput, Hit[]> {
  private readonly topK: number;

  constructor(topK = 2) {
    super();
    this.topK = topK;
  }

  override prep(shared: RagStore): RetrieveInput {
    return { queryVector: shared.queryVector ?? [], index: shared.index ?? [] };
  }

  override exec({ queryVector, index }: RetrieveInput): Hit[] {
    return index
      .map((chunk) => ({ ...chunk, score: cosine(queryVector, chunk.vector) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, this.topK);
  }

  override post(shared: RagStore, _input: RetrieveInput, hits: Hit[]): void {
    shared.hits = hits;
  }
}

export class AnswerWithSources extends Node<RagStore, AnswerInput, string> {
  private readonly llm: CallLLM;

  constructor(llm: CallLLM) {
    super();
    this.llm = llm;
  }

  override prep(shared: RagStore): AnswerInput {
    return { question: shared.question ?? "", hits: shared.hits ?? [] };
  }

  override exec(input: AnswerInput): Promise<string> {
    return this.llm(answerPrompt(input));
  }

  /** The sources are the hits' documents, best first, each named once. */
  override post(shared: RagStore, { hits }: AnswerInput, answer: string): void {
    shared.answer = answer;
    shared.sources = [...new Set(hits.map((hit) => hit.source))];
  }
}
// #endregion online

// #region build
/** Offline, once per set of documents: chunk → embed, leaving shared.index. */
export function buildIndexFlow(embed: Embed): Flow<RagStore> {
  const chunk = new ChunkDocs();
  chunk.next(new EmbedChunks(embed));
  return new Flow(chunk);
}

/** Online, once per question: embed the question → retrieve → answer. */
export function buildAnswerFlow({ embed, llm, topK }: RagOptions): Flow<RagStore> {
  const embedQuery = new EmbedQuery(embed);
  embedQuery.next(new Retrieve(topK)).next(new AnswerWithSources(llm));
  return new Flow(embedQuery);
}
// #endregion build
