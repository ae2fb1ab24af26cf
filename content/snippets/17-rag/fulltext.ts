// Lesson 17: the offline flow branches. With an embedding function it builds vectors; without one it builds a
// full-text index (MiniSearch, BM25). `npx tsx content/snippets/17-rag/fulltext.ts`
import MiniSearch from "minisearch";
import { BatchNode, Flow, Node, type Action } from "../../../core/index";

type Embed = (text: string) => Promise<number[]>;
type Doc = { source: string; text: string };
type Chunk = { id: string; source: string; text: string };
type Index =
  | { kind: "vectors"; chunks: Chunk[]; vectors: number[][] }
  | { kind: "full-text"; chunks: Chunk[]; search: MiniSearch<Chunk> };
type IndexStore = { docs: Doc[]; chunks?: Chunk[]; index?: Index };

// #region branch
class ChunkDocs extends Node<IndexStore, Doc[], Chunk[]> {
  constructor(private readonly embed: Embed | undefined) {
    super();
  }

  override prep(shared: IndexStore) {
    return shared.docs;
  }

  override exec(docs: Doc[]) {
    return docs.flatMap(({ source, text }) => {
      const parts = text.split(/\n\s*\n/);
      return parts.map((part, i) => ({ id: `${source}#${i + 1}`, source, text: part }));
    });
  }

  override post(shared: IndexStore, _docs: Doc[], chunks: Chunk[]): Action {
    shared.chunks = chunks;
    return this.embed ? "embed" : "full-text"; // the index this run can build
  }
}

function buildIndexFlow(embed?: Embed): Flow<IndexStore> {
  const chunk = new ChunkDocs(embed);
  if (embed) chunk.on("embed", new EmbedChunks(embed));
  chunk.on("full-text", new IndexFullText());
  return new Flow(chunk);
}
// #endregion branch

class EmbedChunks extends BatchNode<IndexStore, Chunk, number[]> {
  constructor(private readonly embed: Embed) {
    super({ maxRetries: 3 });
  }

  override prep(shared: IndexStore) {
    return shared.chunks;
  }

  override exec(chunk: Chunk) {
    return this.embed(chunk.text);
  }

  override post(shared: IndexStore, _chunks: unknown, vectors: number[][]) {
    shared.index = { kind: "vectors", chunks: shared.chunks ?? [], vectors };
  }
}

// #region bm25
class IndexFullText extends Node<IndexStore, Chunk[], MiniSearch<Chunk>> {
  override prep(shared: IndexStore) {
    return shared.chunks ?? [];
  }

  override exec(chunks: Chunk[]) {
    // BM25 ranking: rare words weigh more than common ones, each repeat of a word
    // adds less than the last, and long chunks are evened out against short ones.
    const search = new MiniSearch<Chunk>({ fields: ["text"] });
    search.addAll(chunks);
    return search;
  }

  override post(shared: IndexStore, chunks: Chunk[], search: MiniSearch<Chunk>) {
    shared.index = { kind: "full-text", chunks, search };
  }
}
// #endregion bm25

// #region run
const shared: IndexStore = {
  docs: [
    {
      source: "03-retries",
      text: "Node keeps curRetry, counted from 0.\n\nexecFallback runs last.",
    },
    {
      source: "09-parallel",
      text: "maxConcurrency bounds the items in flight.\n\nEach has its own curRetry.",
    },
  ],
};
await buildIndexFlow().run(shared); // no embedding model: the "full-text" edge
if (shared.index?.kind === "full-text") {
  for (const hit of shared.index.search.search("curRetry").slice(0, 3)) {
    console.log(String(hit.id), hit.score.toFixed(2));
  }
}
// 09-parallel#2 1.04   ← an exact identifier, found without any embedding model
// 03-retries#1 1.00

const withVectors: IndexStore = { docs: shared.docs };
const toyEmbed: Embed = async (text) => [text.length, text.split(" ").length];
await buildIndexFlow(toyEmbed).run(withVectors); // the "embed" edge
console.log(withVectors.index?.kind, withVectors.chunks?.length); // vectors 4
// #endregion run
