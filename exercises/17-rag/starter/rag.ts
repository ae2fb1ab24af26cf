// RAG: index the documents once (offline), then answer each question from the chunks most like it (online).
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */
import { BatchNode, Flow, Node } from "./pocketflow";

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

/** How alike two vectors' directions are: 1 the same, 0 unrelated. Length does not matter; 0 for a zero vector. */
export function cosine(a: number[], b: number[]): number {
  throw new Error("TODO: cosine: dot(a, b) / (|a| · |b|), and 0 when either vector is all zeros");
}

export class ChunkDocs extends Node<RagStore, Doc[], Chunk[]> {
  override prep(shared: RagStore): Doc[] {
    throw new Error("TODO: prep: return the documents");
  }

  override exec(docs: Doc[]): Chunk[] {
    throw new Error("TODO: exec: every paragraph of every document (chunkText), as { source, text }");
  }

  override post(shared: RagStore, _docs: Doc[], chunks: Chunk[]): void {
    throw new Error("TODO: post: store the chunks in shared.chunks");
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
    throw new Error("TODO: prep: return shared.chunks (an empty list if there are none)");
  }

  override async exec(chunk: Chunk): Promise<IndexedChunk> {
    throw new Error("TODO: exec: embed ONE chunk's text; return the chunk with its vector");
  }

  override post(shared: RagStore, _chunks: Chunk[], index: IndexedChunk[]): void {
    throw new Error("TODO: post: store the indexed chunks in shared.index");
  }
}

export class EmbedQuery extends Node<RagStore, string, number[]> {
  private readonly embed: Embed;

  constructor(embed: Embed) {
    super();
    this.embed = embed;
  }

  override prep(shared: RagStore): string {
    throw new Error("TODO: prep: return the question");
  }

  override exec(question: string): Promise<number[]> {
    throw new Error("TODO: exec: embed the question");
  }

  override post(shared: RagStore, _question: string, vector: number[]): void {
    throw new Error("TODO: post: store the vector in shared.queryVector");
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
    throw new Error("TODO: prep: return shared.queryVector and shared.index");
  }

  override exec({ queryVector, index }: RetrieveInput): Hit[] {
    throw new Error("TODO: exec: score each chunk with cosine, sort best first, keep this.topK");
  }

  override post(shared: RagStore, _input: RetrieveInput, hits: Hit[]): void {
    throw new Error("TODO: post: store the hits in shared.hits");
  }
}

export class AnswerWithSources extends Node<RagStore, AnswerInput, string> {
  private readonly llm: CallLLM;

  constructor(llm: CallLLM) {
    super();
    this.llm = llm;
  }

  override prep(shared: RagStore): AnswerInput {
    throw new Error("TODO: prep: return the question and the hits");
  }

  override exec(input: AnswerInput): Promise<string> {
    throw new Error("TODO: exec: ask this.llm with answerPrompt(input)");
  }

  /** The sources are the hits' documents, best first, each named once. */
  override post(shared: RagStore, { hits }: AnswerInput, answer: string): void {
    throw new Error(
      "TODO: post: store shared.answer, and shared.sources: the hits' sources, best first, each once",
    );
  }
}

/** Offline, once per set of documents: chunk → embed, leaving shared.index. */
export function buildIndexFlow(embed: Embed): Flow<RagStore> {
  throw new Error("TODO: buildIndexFlow: ChunkDocs → EmbedChunks, in a Flow");
}

/** Online, once per question: embed the question → retrieve → answer. */
export function buildAnswerFlow({ embed, llm, topK }: RagOptions): Flow<RagStore> {
  throw new Error("TODO: buildAnswerFlow: EmbedQuery → Retrieve (topK) → AnswerWithSources, in a Flow");
}
