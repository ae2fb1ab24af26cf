// npm run example -- structured-output [resume.txt]
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { runExample, type ExampleIO } from "../utils/cli";
import { UsageError } from "../utils/errors";
import { createResumeFlow } from "./flow";
import type { ResumeStore } from "./nodes";

const SAMPLE = fileURLToPath(new URL("./resume.txt", import.meta.url));

const usage = `Usage: npm run example -- structured-output [resume.txt]

Extracts name, email and experience from a resume as YAML, validates it, and asks again (up to 4
attempts) when the answer is malformed. Without a file it parses examples/structured-output/resume.txt.`;

export function main(io: ExampleIO): Promise<number> {
  return runExample(io, {
    name: "structured-output",
    usage,
    parse: (args) => parseArgs({ args, allowPositionals: true }).positionals,
    async run(ctx, [file = SAMPLE]) {
      const resumeText = await readFile(file, "utf8").catch(() => {
        throw new UsageError(`Cannot read the resume file '${file}'.`);
      });
      ctx.print(`Resume (${file}):\n${resumeText.trim()}\n`);
      const shared: ResumeStore = { resumeText };
      await createResumeFlow(ctx.llm, ctx.note, ctx.retry).run(shared);

      const { outcome, attempts = 1 } = shared;
      if (!outcome?.ok) {
        ctx.print(`No valid YAML after ${attempts} attempts: ${outcome?.error ?? "no result"}`);
        return 1;
      }
      ctx.print(`Structured data (valid after ${attempts} attempt${attempts === 1 ? "" : "s"}):`);
      ctx.print(stringify(outcome.resume).trimEnd());
    },
  });
}
