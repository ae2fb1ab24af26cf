// npm run example -- supervisor ["question"] [--max-rounds N] [--budget N] [--max-steps N] [--lessons dir]
import { parseArgs } from "node:util";
import { lessonsDir, positiveInt, runExample, type ExampleIO } from "../utils/cli";
import { loadLessons } from "../utils/lessons";
import { SectionSearch } from "../utils/search";
import { Budget } from "./budget";
import { createTeamFlow } from "./flow";
import type { TeamStore } from "./nodes";

const usage = `Usage: npm run example -- supervisor ["<question>"] [--max-rounds N] [--budget N] [--max-steps N] [--lessons <dir>]

A team of agents (lesson 21): lesson 16's agent researches the course's lessons and answers; a supervisor
checks the answer against the research and sends it back to a writer with feedback, at most N rounds
(default 2). Every model call of the team comes out of one budget (default 14 calls); the agent decides
at most --max-steps times (default 4).`;

export function main(io: ExampleIO): Promise<number> {
  return runExample(io, {
    name: "supervisor",
    usage,
    parse: (args) =>
      parseArgs({
        args,
        allowPositionals: true,
        options: {
          "max-rounds": { type: "string" },
          budget: { type: "string" },
          "max-steps": { type: "string" },
          lessons: { type: "string" },
        },
      }),
    async run(ctx, { values, positionals }) {
      const question = positionals.join(" ").trim() || "Why does a flow run copies of its nodes?";
      const lessons = await loadLessons(lessonsDir(io.env, values.lessons));
      const index = new SectionSearch(lessons.flatMap((lesson) => lesson.sections));
      const budget = new Budget(positiveInt(values.budget, "--budget", 14, 3));
      ctx.print(`Question: ${question}\n`);

      const shared: TeamStore = {
        question,
        research: [],
        steps: 0,
        maxSteps: positiveInt(values["max-steps"], "--max-steps", 4),
        rounds: 0,
        maxRounds: positiveInt(values["max-rounds"], "--max-rounds", 2, 0),
        verdicts: [],
      };
      const search = (query: string, limit: number) => index.search(query, limit);
      await createTeamFlow(ctx.llm, budget, search, ctx.print, ctx.retry).run(shared);

      ctx.print(`\nAnswer:\n${shared.final ?? "(none)"}`);
      ctx.print(
        `\n(${shared.rounds} revision${shared.rounds === 1 ? "" : "s"}, ${budget.used} of ${budget.limit} calls)`,
      );
    },
  });
}
