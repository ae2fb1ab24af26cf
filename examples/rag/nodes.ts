// RAG in two flows. Offline: load the lessons, chunk them, index them (embeddings, or full-text as a
// fallback). Online: embed the question, retrieve the closest chunks, answer citing the lessons.
import { BatchNode, Node, type NodeOptions } from "../../core/index";
import { isFatal, LlmError } from "../utils/errors";
import { chunkSections, loadLessons, type Section } from "../utils/lessons";
import type { Llm } from "../utils/llm";
import { citedLessons, formatHits, SectionSearch, type Hit } from "../utils/search";
import { topK } from "../utils/vectors";

export type RagIndex =
  | { kind: "embeddings"; model: string; chunks: Section[]; vectors: number[][] }
  | { kind: "full-text"; chunks: Section[]; search: SectionSearch; reason: string };

export interface RagStore {
  lessonsDir: string;
  question: string;
  topK: number;
  chunks?: Section[];
  index?: RagIndex;
  queryVector?: number[];
  hits?: Hit[];
  answer?: string;
  cited?: string[];
}

type Note = (text: string) => void;

// ---- offline ----

export class LoadAndChunk extends Node<RagStore, string, Section[]> {
  constructor(private readonly llm: Llm) {
    super();
  }

  override prep(shared: RagStore): string {
    return shared.lessonsDir;
  }

  override async exec(dir: string): Promise<Section[]> {
    const lessons = await loadLessons(dir);
    return chunkSections(lessons.flatMap((lesson) => lesson.sections));
  }

  /** Branches: embed when the provider has an embeddings model, else index the text itself. */
  override post(shared: RagStore, _dir: string, chunks: Section[]) {
    shared.chunks = chunks;
    return this.llm.embeddingModel ? "embed" : "full-text";
  }
}

/** Embeds the chunks in batches of 32 (one request each); post gets every batch's vectors in order. */
export class EmbedChunks extends BatchNode<RagStore, Section[], number[][] | null> {
  /** Set when the endpoint turned out not to serve embeddings: later batches skip the call. */
  private unavailable: string | undefined;

  constructor(
    private readonly llm: Llm,
    options: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: RagStore): Section[][] {
    const chunks = shared.chunks ?? [];
    return Array.from({ length: Math.ceil(chunks.length / 32) }, (_, i) => chunks.slice(i * 32, i * 32 + 32));
  }

  override async exec(batch: Section[]): Promise<number[][] | null> {
    if (this.unavailable) return null;
    return this.llm.embed(
      batch.map((chunk) => `${chunk.lessonTitle} — ${chunk.heading}\n${chunk.text}`),
      { retry: this },
    );
  }

  /** A server without this embeddings model (404) or without embeddings (400): fall back, don't fail. */
  override execFallback(_batch: Section[], error: Error): null {
    const unsupported = error instanceof LlmError && (error.status === 404 || error.status === 400);
    if (!unsupported && isFatal(error)) throw error;
    this.unavailable = error.message;
    return null;
  }

  override post(shared: RagStore, _batches: Section[][], vectors: (number[][] | null)[]) {
    const chunks = shared.chunks ?? [];
    const model = this.llm.embeddingModel ?? "";
    if (this.unavailable || vectors.some((batch) => batch === null)) {
      const reason = `embeddings failed: ${this.unavailable ?? "no vectors"}`;
      shared.index = { kind: "full-text", chunks, search: new SectionSearch(chunks), reason };
      return;
    }
    shared.index = { kind: "embeddings", model, chunks, vectors: vectors.flatMap((batch) => batch ?? []) };
  }
}

export class IndexFullText extends Node<RagStore, Section[], SectionSearch> {
  override prep(shared: RagStore): Section[] {
    return shared.chunks ?? [];
  }

  override exec(chunks: Section[]): SectionSearch {
    return new SectionSearch(chunks);
  }

  override post(shared: RagStore, chunks: Section[], search: SectionSearch) {
    const reason = "no embeddings model configured (set EMBEDDING_MODEL to use one)";
    shared.index = { kind: "full-text", chunks, search, reason };
  }
}

// ---- online ----

/** Embeds the question with the same model as the chunks; does nothing for a full-text index. */
export class EmbedQuery extends Node<RagStore, string | null, number[] | undefined> {
  constructor(
    private readonly llm: Llm,
    options: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: RagStore): string | null {
    return shared.index?.kind === "embeddings" ? shared.question : null;
  }

  override async exec(question: string | null): Promise<number[] | undefined> {
    if (question === null) return undefined;
    return (await this.llm.embed([question], { retry: this }))[0];
  }

  override post(shared: RagStore, _question: string | null, vector: number[] | undefined) {
    shared.queryVector = vector;
  }
}

type RetrieveInput = { index: RagIndex | undefined; question: string; vector?: number[]; k: number };

/** Top-k by cosine similarity (embeddings) or by BM25 (full-text). */
export class RetrieveChunks extends Node<RagStore, RetrieveInput, Hit[]> {
  override prep(shared: RagStore): RetrieveInput {
    return { index: shared.index, question: shared.question, vector: shared.queryVector, k: shared.topK };
  }

  override exec({ index, question, vector, k }: RetrieveInput): Hit[] {
    if (!index) return [];
    if (index.kind === "full-text") return index.search.search(question, k);
    if (!vector) return [];
    return topK(vector, index.vectors, k).flatMap(({ index: i, score }) => {
      const section = index.chunks[i];
      return section ? [{ section, score }] : [];
    });
  }

  override post(shared: RagStore, _input: RetrieveInput, hits: Hit[]) {
    shared.hits = hits;
  }
}

export class AnswerFromChunks extends Node<RagStore, { question: string; hits: Hit[] }, string> {
  constructor(
    private readonly llm: Llm,
    private readonly note: Note,
    options: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: RagStore) {
    return { question: shared.question, hits: shared.hits ?? [] };
  }

  override exec({ question, hits }: { question: string; hits: Hit[] }): Promise<string> {
    if (hits.length === 0) this.note("  (nothing retrieved: the model answers without context)");
    return this.llm.chat(
      `Answer the question using only these excerpts from the course's lessons.

${formatHits(hits)}

Question: ${question}

Cite the lessons you use by their tag in square brackets, like [06-the-flow]. If the excerpts do not
answer the question, say so.`,
      { retry: this },
    );
  }

  override post(shared: RagStore, { hits }: { question: string; hits: Hit[] }, answer: string) {
    shared.answer = answer.trim();
    shared.cited = citedLessons(
      answer,
      hits.map((hit) => hit.section.slug),
    );
  }
}
