// npm run example -- map-reduce [folder] [--generate N] [--role "..."]
import { parseArgs } from "node:util";
import { positiveInt, runExample, type ExampleIO } from "../utils/cli";
import {
  DEFAULT_ROLE,
  formatTally,
  generateResumes,
  loadResumes,
  SAMPLE_RESUMES,
  type ScreeningStore,
} from "../utils/resumes";
import { createMapReduceFlow } from "./flow";

const usage = `Usage: npm run example -- map-reduce [folder] [--generate N] [--role "<requirements>"]

Screens every resume (*.txt) in a folder against a role, one LLM call per resume (map, a BatchNode),
then tallies who qualifies (reduce). Default folder: examples/map-reduce/resumes (8 resumes).
--generate N screens N made-up resumes instead (N calls: mind your quota).`;

export function main(io: ExampleIO): Promise<number> {
  return runExample(io, {
    name: "map-reduce",
    usage,
    parse: (args) =>
      parseArgs({
        args,
        allowPositionals: true,
        options: { generate: { type: "string" }, role: { type: "string" } },
      }),
    async run(ctx, { values, positionals: [folder = SAMPLE_RESUMES] }) {
      const generate =
        values.generate === undefined ? undefined : positiveInt(values.generate, "--generate", 1);
      const resumes = generate ? generateResumes(generate) : await loadResumes(folder);
      const role = values.role ?? DEFAULT_ROLE;
      ctx.print(`Screening ${resumes.length} resumes, one at a time, for: ${role}\n`);

      let done = 0;
      const onScreened = (s: { file: string; name: string; qualifies: boolean; error?: string }) => {
        const verdict = s.error
          ? `could not screen (${s.error})`
          : s.qualifies
            ? "qualifies"
            : "does not qualify";
        ctx.print(`  [${++done}/${resumes.length}] ${s.file} → ${s.error ? "" : `${s.name}: `}${verdict}`);
      };
      const shared: ScreeningStore = { role, resumes };
      const started = Date.now();
      await createMapReduceFlow(ctx.llm, onScreened, ctx.retry).run(shared);

      ctx.print(`\n${shared.tally ? formatTally(shared.tally) : "No results."}`);
      ctx.print(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
    },
  });
}
