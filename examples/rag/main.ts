// npm run example -- rag ["question"] [--top-k N] [--lessons dir]
import { parseArgs } from "node:util";
import { lessonsDir, positiveInt, runExample, type ExampleIO } from "../utils/cli";
import { createOfflineFlow, createOnlineFlow } from "./flow";
import type { RagStore } from "./nodes";

const usage = `Usage: npm run example -- rag ["<question>"] [--top-k N] [--lessons <dir>]

Indexes the course's lessons (chunks embedded with EMBEDDING_MODEL when the provider has one, else a
full-text MiniSearch index), retrieves the N chunks closest to the question (default 3), and answers
citing the lessons used. Lessons come from content/lessons (or LESSONS_DIR, or --lessons).`;

export function main(io: ExampleIO): Promise<number> {
  return runExample(io, {
    name: "rag",
    usage,
    parse: (args) =>
      parseArgs({
        args,
        allowPositionals: true,
        options: { "top-k": { type: "string" }, lessons: { type: "string" } },
      }),
    async run(ctx, { values, positionals }) {
      const shared: RagStore = {
        lessonsDir: lessonsDir(io.env, values.lessons),
        question: positionals.join(" ").trim() || "Why does a flow run copies of its nodes?",
        topK: positiveInt(values["top-k"], "--top-k", 3),
      };

      ctx.print("Offline: indexing the lessons...");
      await createOfflineFlow(ctx.llm, ctx.retry).run(shared);
      const index = shared.index;
      if (!index) throw new Error("the offline flow built no index");
      const lessons = new Set(index.chunks.map((chunk) => chunk.slug)).size;
      ctx.print(`  ${index.chunks.length} chunks from ${lessons} lessons`);
      ctx.print(
        index.kind === "embeddings"
          ? `  Retrieval: embeddings (${index.model}, ${index.vectors[0]?.length ?? 0} dimensions), cosine similarity`
          : `  Retrieval: full-text (MiniSearch, BM25), because ${index.reason}`,
      );

      ctx.print(`\nOnline: ${shared.question}`);
      await createOnlineFlow(ctx.llm, ctx.note, ctx.retry).run(shared);
      ctx.print("  Retrieved:");
      for (const hit of shared.hits ?? []) {
        const { slug, heading, part } = hit.section;
        ctx.print(
          `    [${slug}] ${heading}${part ? ` (part ${part})` : ""}  (score ${hit.score.toFixed(3)})`,
        );
      }
      ctx.print(`\nAnswer:\n${shared.answer ?? "(none)"}`);
      const cited = shared.cited ?? [];
      ctx.print(`\nCited lessons: ${cited.length ? cited.map((slug) => `[${slug}]`).join(" ") : "none"}`);
    },
  });
}
