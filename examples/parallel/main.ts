// npm run example -- parallel [folder] [--concurrency N] [--parallel-only] [--generate N]
import { parseArgs } from "node:util";
import { positiveInt, runExample, type Context, type ExampleIO } from "../utils/cli";
import {
  DEFAULT_ROLE,
  formatTally,
  generateResumes,
  loadResumes,
  SAMPLE_RESUMES,
  type ResumeFile,
  type Screening,
  type ScreeningStore,
} from "../utils/resumes";
import { createParallelFlow } from "./flow";

const usage = `Usage: npm run example -- parallel [folder] [--concurrency N] [--parallel-only] [--generate N]

Screens the resumes twice, first one at a time, then with a ParallelBatchNode (up to N calls in
flight; default 4, or MAX_CONCURRENCY), and compares the wall times. --parallel-only skips the
sequential run and estimates it as the sum of the single calls' times.`;

interface Run {
  seconds: number;
  callSeconds: number;
  shared: ScreeningStore;
}

/** One run of the flow; `maxConcurrency: 1` makes the same node sequential. */
async function screenAll(ctx: Context, resumes: ResumeFile[], maxConcurrency: number): Promise<Run> {
  let callMs = 0;
  const onScreened = (s: Screening) => {
    callMs += s.ms;
    ctx.note(
      `  ${s.file}: ${s.error ? `could not screen (${s.error})` : s.qualifies ? "qualifies" : "does not qualify"}`,
    );
  };
  const shared: ScreeningStore = { role: DEFAULT_ROLE, resumes };
  const started = performance.now();
  await createParallelFlow(ctx.llm, onScreened, { ...ctx.retry, maxConcurrency }).run(shared);
  return { seconds: (performance.now() - started) / 1000, callSeconds: callMs / 1000, shared };
}

export function main(io: ExampleIO): Promise<number> {
  return runExample(io, {
    name: "parallel",
    usage,
    parse: (args) =>
      parseArgs({
        args,
        allowPositionals: true,
        options: {
          concurrency: { type: "string" },
          "parallel-only": { type: "boolean" },
          generate: { type: "string" },
        },
      }),
    async run(ctx, { values, positionals: [folder = SAMPLE_RESUMES] }) {
      const limit = positiveInt(values.concurrency ?? io.env.MAX_CONCURRENCY, "--concurrency", 4);
      const generate =
        values.generate === undefined ? undefined : positiveInt(values.generate, "--generate", 1);
      const resumes = generate ? generateResumes(generate) : await loadResumes(folder);
      const seconds = (s: number) => `${s.toFixed(2)}s`;

      let sequential: number | undefined;
      if (!values["parallel-only"]) {
        ctx.print(`Sequential: ${resumes.length} resumes, one at a time...`);
        sequential = (await screenAll(ctx, resumes, 1)).seconds;
        ctx.print(`  wall time ${seconds(sequential)}\n`);
      }
      ctx.print(
        `Parallel: ${resumes.length} resumes, up to ${limit} at a time (maxConcurrency: ${limit})...`,
      );
      const parallel = await screenAll(ctx, resumes, limit);
      ctx.print(`  wall time ${seconds(parallel.seconds)}\n`);

      const baseline = sequential ?? parallel.callSeconds;
      const label = sequential === undefined ? "Sequential (estimated: sum of the calls)" : "Sequential";
      ctx.print(`${label}: ${seconds(baseline)}`);
      ctx.print(
        `Parallel:   ${seconds(parallel.seconds)}  → ${(baseline / parallel.seconds).toFixed(1)}× faster`,
      );
      ctx.print("Total time ≈ the longest task in each wave, not the sum of all tasks.\n");
      if (parallel.shared.tally) ctx.print(formatTally(parallel.shared.tally));
    },
  });
}
