// Two flows, as in PocketFlow's RAG: index once (offline), then answer (online).
import { Flow, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";
import {
  AnswerFromChunks,
  EmbedChunks,
  EmbedQuery,
  IndexFullText,
  LoadAndChunk,
  RetrieveChunks,
  type RagStore,
} from "./nodes";

/** load —embed→ EmbedChunks, or load —full-text→ IndexFullText. */
export function createOfflineFlow(llm: Llm, retry: NodeOptions) {
  const load = new LoadAndChunk(llm);
  load.on("embed", new EmbedChunks(llm, retry));
  load.on("full-text", new IndexFullText());
  return new Flow<RagStore>(load);
}

/** embed the question >> retrieve top-k >> answer with citations. */
export function createOnlineFlow(llm: Llm, note: (text: string) => void, retry: NodeOptions) {
  const embed = new EmbedQuery(llm, retry);
  embed.next(new RetrieveChunks()).next(new AnswerFromChunks(llm, note, retry));
  return new Flow<RagStore>(embed);
}
