// npm run example -- tutorial [folder] [--out dir] [--max-abstractions N] [--concurrency N] [--name project]
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { positiveInt, runExample, type ExampleIO } from "../utils/cli";
import { readCodebase } from "./files";
import { createTutorialFlow } from "./flow";
import type { TutorialStore } from "./nodes";

const usage = `Usage: npm run example -- tutorial [<folder>] [--out <dir>] [--max-abstractions N] [--concurrency N] [--name <project>]

Turns a folder of code into a beginner's tutorial (lesson 22): finds its main abstractions, how they
relate and in what order to teach them, writes a chapter for each, and writes index.md (with a Mermaid
map) and one Markdown file per chapter to --out (default: tutorial). The folder defaults to this
course's core/, so the first tutorial is about the framework you built. Tests, build output and
dependencies are skipped.`;

export function main(io: ExampleIO): Promise<number> {
  return runExample(io, {
    name: "tutorial",
    usage,
    parse: (args) =>
      parseArgs({
        args,
        allowPositionals: true,
        options: {
          out: { type: "string" },
          "max-abstractions": { type: "string" },
          concurrency: { type: "string" },
          name: { type: "string" },
        },
      }),
    async run(ctx, { values, positionals }) {
      const folder = positionals[0] ?? "core";
      const out = values.out ?? "tutorial";
      const { files, tests, chars } = readCodebase(folder);
      const kb = Math.max(1, Math.round(chars / 1024));
      const skipped = tests === 0 ? "" : `; ${tests} test file${tests === 1 ? "" : "s"} skipped`;
      ctx.print(
        `Reading ${folder}: ${files.length} file${files.length === 1 ? "" : "s"}, ${kb} KB${skipped}`,
      );
      const shared: TutorialStore = {
        project: values.name ?? basename(resolve(folder)),
        files,
        maxAbstractions: positiveInt(values["max-abstractions"], "--max-abstractions", 6, 2),
      };
      const concurrency = positiveInt(values.concurrency ?? io.env.MAX_CONCURRENCY, "--concurrency", 2);
      await createTutorialFlow(ctx.llm, ctx.print, ctx.retry, concurrency).run(shared);
      mkdirSync(out, { recursive: true });
      for (const [name, text] of Object.entries(shared.output ?? {})) writeFileSync(join(out, name), text);
      const chapters = shared.chapters?.length ?? 0;
      ctx.print(`Wrote ${join(out, "index.md")} and ${chapters} chapter${chapters === 1 ? "" : "s"}.`);
    },
  });
}
