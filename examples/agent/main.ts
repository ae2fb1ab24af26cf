// npm run example -- agent ["question"] [--max-steps N] [--lessons dir]
import { parseArgs } from "node:util";
import { lessonsDir, positiveInt, runExample, type ExampleIO } from "../utils/cli";
import { loadLessons } from "../utils/lessons";
import { SectionSearch } from "../utils/search";
import { createAgentFlow } from "./flow";
import type { AgentStore } from "./nodes";

const usage = `Usage: npm run example -- agent ["<question>"] [--max-steps N] [--lessons <dir>]

An agent that decides, step by step, whether to search the course's lessons (full-text, MiniSearch)
or to answer, and cites the lessons it used. It answers after at most N decisions (default 5).
Lessons come from content/lessons (or LESSONS_DIR, or --lessons).`;

export function main(io: ExampleIO): Promise<number> {
  return runExample(io, {
    name: "agent",
    usage,
    parse: (args) =>
      parseArgs({
        args,
        allowPositionals: true,
        options: { "max-steps": { type: "string" }, lessons: { type: "string" } },
      }),
    async run(ctx, { values, positionals }) {
      const question = positionals.join(" ").trim() || "How does a flow decide which node runs next?";
      const lessons = await loadLessons(lessonsDir(io.env, values.lessons));
      const index = new SectionSearch(lessons.flatMap((lesson) => lesson.sections));
      ctx.print(`Question: ${question}`);
      ctx.print(`(searching ${index.size} sections of ${lessons.length} lessons)\n`);

      const shared: AgentStore = {
        question,
        research: [],
        steps: 0,
        maxSteps: positiveInt(values["max-steps"], "--max-steps", 5),
      };
      const search = (query: string, limit: number) => index.search(query, limit);
      await createAgentFlow(ctx.llm, search, ctx.print, ctx.retry).run(shared);

      ctx.print(`\nAnswer:\n${shared.answer ?? "(none)"}`);
      const cited = shared.cited ?? [];
      ctx.print(`\nCited lessons: ${cited.length ? cited.map((slug) => `[${slug}]`).join(" ") : "none"}`);
    },
  });
}
