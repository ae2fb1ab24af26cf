// npm run example -- workflow ["topic"] [--sections N]
import { parseArgs } from "node:util";
import { positiveInt, runExample, type ExampleIO } from "../utils/cli";
import { createWorkflowFlow } from "./flow";
import type { ArticleStore } from "./nodes";

const usage = `Usage: npm run example -- workflow ["<topic>"] [--sections N]

Writes a short article in three steps: an outline (N section titles, default 3), a draft per
section (a BatchNode), then one call that combines and polishes them. Default topic: "AI Safety".`;

export function main(io: ExampleIO): Promise<number> {
  return runExample(io, {
    name: "workflow",
    usage,
    parse: (args) => parseArgs({ args, allowPositionals: true, options: { sections: { type: "string" } } }),
    async run(ctx, { values, positionals }) {
      const topic = positionals.join(" ").trim() || "AI Safety";
      const shared: ArticleStore = { topic, sectionCount: positiveInt(values.sections, "--sections", 3) };
      ctx.print(`Topic: ${topic}\n`);
      await createWorkflowFlow(ctx.llm, ctx.print, ctx.retry).run(shared);
      ctx.print(`\n${"─".repeat(60)}\n${shared.finalArticle ?? "(no article)"}`);
    },
  });
}
