// RAG with a deterministic embedding (word counts over a small vocabulary): index offline, retrieve and answer online.
import { describe, expect, it, vi } from "vitest";
import { BatchNode } from "../pocketflow";
import {
  AnswerWithSources,
  answerPrompt,
  buildAnswerFlow,
  buildIndexFlow,
  ChunkDocs,
  cosine,
  EmbedChunks,
  EmbedQuery,
  Retrieve,
  type Doc,
  type Hit,
  type IndexedChunk,
  type RagStore,
} from "../rag";

const VOCABULARY = ["cat", "dog", "ball", "rocket", "moon", "pasta", "tomato"];

/** An embedding that counts each vocabulary word: texts sharing words point the same way. */
const wordCounts = () =>
  vi.fn(async (text: string) => {
    const words = text.toLowerCase().match(/[a-z]+/g) ?? [];
    return VOCABULARY.map((term) => words.filter((word) => word === term).length);
  });

const DOCS: Doc[] = [
  { source: "pets.md", text: "The cat naps on the cat bed.\n\nThe dog chases the ball." },
  { source: "space.md", text: "A rocket flew to the moon.\n\n  \nMoon dust covers the moon rocket.\n" },
  { source: "food.md", text: "Pasta with tomato sauce." },
];
const CHUNK_TEXTS = [
  "The cat naps on the cat bed.",
  "The dog chases the ball.",
  "A rocket flew to the moon.",
  "Moon dust covers the moon rocket.",
  "Pasta with tomato sauce.",
];

const indexed = (source: string, text: string, vector: number[]): IndexedChunk => ({ source, text, vector });

async function buildIndex() {
  const shared: RagStore = { docs: DOCS };
  await buildIndexFlow(wordCounts()).run(shared);
  return shared;
}

describe("cosine", () => {
  it("is 1 for vectors that point the same way, whatever their length", () => {
    expect(cosine([1, 2, 0], [2, 4, 0])).toBeCloseTo(1);
    expect(cosine([3, 0], [1, 0])).toBeCloseTo(1);
  });

  it("is 0 for unrelated vectors and -1 for opposite ones", () => {
    expect(cosine([1, 0], [0, 5])).toBeCloseTo(0);
    expect(cosine([1, 1], [-2, -2])).toBeCloseTo(-1);
    expect(cosine([1, 0], [1, 1]), "45° apart: 1/√2").toBeCloseTo(Math.SQRT1_2);
  });

  it("is 0, not NaN, when a vector is all zeros", () => {
    expect(cosine([0, 0], [1, 2]), "a text with no known words has a zero vector").toBe(0);
  });
});

describe("offline: the index flow", () => {
  it("chunks every document into its paragraphs, keeping each chunk's source", async () => {
    const shared: RagStore = { docs: DOCS };
    await new ChunkDocs().run(shared);
    expect(shared.chunks).toEqual([
      { source: "pets.md", text: CHUNK_TEXTS[0] },
      { source: "pets.md", text: CHUNK_TEXTS[1] },
      { source: "space.md", text: CHUNK_TEXTS[2] },
      { source: "space.md", text: CHUNK_TEXTS[3] },
      { source: "food.md", text: CHUNK_TEXTS[4] },
    ]);
  });

  it("embeds with a BatchNode: one call per chunk, each chunk stored with its vector", async () => {
    const embed = wordCounts();
    const node = new EmbedChunks(embed);
    expect(node, "EmbedChunks should extend BatchNode").toBeInstanceOf(BatchNode);
    const shared: RagStore = {
      docs: [],
      chunks: [
        { source: "s.md", text: "cat and dog" },
        { source: "t.md", text: "moon" },
      ],
    };
    await node.run(shared);
    expect(
      embed.mock.calls.map(([text]) => text),
      "each chunk's text is embedded once",
    ).toEqual(["cat and dog", "moon"]);
    expect(shared.index).toEqual([
      indexed("s.md", "cat and dog", [1, 1, 0, 0, 0, 0, 0]),
      indexed("t.md", "moon", [0, 0, 0, 0, 1, 0, 0]),
    ]);
  });

  it("runs ChunkDocs, then EmbedChunks, leaving every chunk in shared.index", async () => {
    const flow = buildIndexFlow(wordCounts());
    expect(flow.startNode, "the index flow starts on ChunkDocs").toBeInstanceOf(ChunkDocs);
    expect(flow.startNode?.successors.get("default"), "ChunkDocs leads to EmbedChunks").toBeInstanceOf(
      EmbedChunks,
    );
    const shared = await buildIndex();
    expect(shared.index?.map((chunk) => chunk.text)).toEqual(CHUNK_TEXTS);
    expect(
      shared.index?.[3]?.vector,
      '"Moon dust covers the moon rocket." has moon ×2 and rocket ×1',
    ).toEqual([0, 0, 0, 1, 2, 0, 0]);
  });
});

describe("online: retrieval", () => {
  it("embeds the question once and stores shared.queryVector", async () => {
    const embed = wordCounts();
    const shared: RagStore = { docs: [], question: "How far is the moon?" };
    await new EmbedQuery(embed).run(shared);
    expect(embed).toHaveBeenCalledTimes(1);
    expect(shared.queryVector).toEqual([0, 0, 0, 0, 1, 0, 0]);
  });

  it("keeps the topK chunks most similar to the question, best first, with their scores", async () => {
    const shared = await buildIndex();
    shared.queryVector = [0, 0, 0, 0, 1, 0, 0]; // "moon"
    await new Retrieve(2).run(shared);
    expect(
      shared.hits?.map((hit) => hit.text),
      "the chunk with moon ×2 first, then moon ×1; not document order",
    ).toEqual(["Moon dust covers the moon rocket.", "A rocket flew to the moon."]);
    expect(shared.hits?.[0]?.score, "score = cosine(question, chunk) = 2/√5").toBeCloseTo(2 / Math.sqrt(5));
  });

  it("leaves shared.index as it was: retrieval reads the index, it never sorts or scores it in place", async () => {
    const shared = await buildIndex();
    const before = structuredClone(shared.index);
    shared.queryVector = [0, 0, 0, 0, 1, 0, 0]; // "moon": the best chunks are the last ones indexed
    await new Retrieve(2).run(shared);
    expect(
      shared.index,
      "exec must not change its input: score copies ({ ...chunk, score }) and sort those, not the index",
    ).toEqual(before);
  });

  it("ranks by cosine similarity, not by raw overlap: a long chunk that repeats a word is not the best match", () => {
    const index = [
      indexed("long.md", "moon moon moon and lots of cats", [3, 6]), // dot 3, cosine 0.45
      indexed("short.md", "the moon", [1, 0.1]), // dot 1, cosine 0.99
      indexed("other.md", "cats only", [0, 1]),
    ];
    const hits = new Retrieve(3).exec({ queryVector: [1, 0], index });
    expect(
      hits.map((hit) => hit.source),
      "sort by cosine, not by the dot product",
    ).toEqual(["short.md", "long.md", "other.md"]);
  });

  it("returns 2 hits by default, and no more hits than chunks", () => {
    const index = [indexed("a", "a", [1, 0]), indexed("b", "b", [1, 1]), indexed("c", "c", [0, 1])];
    expect(new Retrieve().exec({ queryVector: [1, 0], index }), "topK defaults to 2").toHaveLength(2);
    expect(new Retrieve(5).exec({ queryVector: [1, 0], index }), "only 3 chunks to return").toHaveLength(3);
  });
});

describe("online: the answer", () => {
  const hits: Hit[] = [
    { ...indexed("space.md", "Moon dust covers the moon rocket.", [0]), score: 0.9 },
    { ...indexed("notes.md", "The moon is far.", [0]), score: 0.8 },
    { ...indexed("space.md", "A rocket flew to the moon.", [0]), score: 0.7 },
  ];

  it("asks the model with the question and the retrieved passages", async () => {
    const llm = vi.fn(async () => "About 384,000 km [notes.md].");
    const shared: RagStore = { docs: [], question: "How far is the moon?", hits };
    await new AnswerWithSources(llm).run(shared);
    expect(llm).toHaveBeenCalledWith(answerPrompt({ question: "How far is the moon?", hits }));
    expect(shared.answer).toBe("About 384,000 km [notes.md].");
  });

  it("lists the hits' sources in shared.sources, best first, each once", async () => {
    const shared: RagStore = { docs: [], question: "?", hits };
    await new AnswerWithSources(async () => "ok").run(shared);
    expect(shared.sources).toEqual(["space.md", "notes.md"]);
  });
});

describe("index once, then answer", () => {
  it("runs EmbedQuery → Retrieve → AnswerWithSources, embedding only the question", async () => {
    const shared = await buildIndex();
    const embed = wordCounts();
    const llm = vi.fn(async (_prompt: string) => "Tomato sauce.");
    shared.question = "What goes with pasta?";
    const flow = buildAnswerFlow({ embed, llm, topK: 1 });
    expect(flow.startNode, "the answer flow starts on EmbedQuery").toBeInstanceOf(EmbedQuery);
    await flow.run(shared);
    expect(embed, "the documents are already indexed: embed only the question").toHaveBeenCalledTimes(1);
    expect(llm).toHaveBeenCalledTimes(1);
    expect(llm.mock.calls[0]?.[0], "the prompt holds the best passage").toContain("Pasta with tomato sauce.");
    expect(shared.hits, "with topK 1, Retrieve keeps a single passage").toHaveLength(1);
    expect(shared.answer).toBe("Tomato sauce.");
    expect(shared.sources).toEqual(["food.md"]);
  });

  it("answers several questions from the same index", async () => {
    const shared = await buildIndex();
    const flow = buildAnswerFlow({ embed: wordCounts(), llm: async () => "answer" });
    for (const [question, source] of [
      ["Where did the rocket go? The moon?", "space.md"],
      ["Is the dog chasing the cat?", "pets.md"],
    ] as const) {
      shared.question = question;
      await flow.run(shared);
      expect(shared.sources, `"${question}" is answered from ${source}`).toEqual([source]);
    }
  });
});
