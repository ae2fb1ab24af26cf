// npm run example -- approval "<topic>" | --approve | --reject "<feedback>" | --status | --discard
import { parseArgs } from "node:util";
import { runExample, type Context, type ExampleIO } from "../utils/cli";
import { UsageError } from "../utils/errors";
import { loadCheckpoint, removeCheckpoint, saveCheckpoint } from "./checkpoint";
import { runFrom, type RunResult } from "./flow";
import type { Decision } from "./nodes";

const usage = `Usage: npm run example -- approval "<topic>"            draft a post, then stop for your review
       npm run example -- approval --approve              publish the post that waits
       npm run example -- approval --reject "<feedback>"  revise it with your feedback, then stop again
       npm run example -- approval --status               show what waits for review
       npm run example -- approval --discard              forget the paused post
Options: --file <path> (or APPROVAL_FILE): where the paused run is saved (default approval-checkpoint.json).

Each command is a new process: the paused run lives only in the file (lesson 20).`;

const NEXT = [
  "Paused for your review. In this terminal or another, now or later:",
  "  npm run example -- approval --approve",
  '  npm run example -- approval --reject "what to change"',
].join("\n");

export function main(io: ExampleIO): Promise<number> {
  return runExample(io, {
    name: "approval",
    usage,
    parse: (args) =>
      parseArgs({
        args,
        allowPositionals: true,
        options: {
          approve: { type: "boolean" },
          reject: { type: "string" },
          status: { type: "boolean" },
          discard: { type: "boolean" },
          file: { type: "string" },
        },
      }),
    async run(ctx, { values, positionals }) {
      const file = values.file ?? io.env.APPROVAL_FILE ?? "approval-checkpoint.json";
      const topic = positionals.join(" ").trim();
      const commands = [
        topic !== "",
        values.approve,
        values.reject !== undefined,
        values.status,
        values.discard,
      ];
      if (commands.filter(Boolean).length !== 1)
        throw new UsageError(`Give a topic or one command.\n\n${usage}`);

      if (values.discard) {
        removeCheckpoint(file);
        ctx.print(`Forgot the paused post (${file} removed).`);
        return;
      }
      const saved = loadCheckpoint(file);
      if (topic) {
        if (saved) {
          throw new UsageError(
            `A post about "${saved.shared.topic}" already waits for review in ${file}: --approve it, ` +
              `--reject "…" it, or --discard it first.`,
          );
        }
        const result = await runFrom("draft", { topic, revisions: 0, history: [] }, ctx.llm, ctx.retry);
        return report(ctx, file, result);
      }
      if (!saved)
        throw new UsageError(
          `Nothing waits for review in ${file}. Start with: npm run example -- approval "<topic>"`,
        );
      if (values.status) {
        const { shared } = saved;
        ctx.print(`Waiting for review since ${saved.savedAt}: a post about "${shared.topic}"`);
        ctx.print(
          `(${shared.revisions} revision${shared.revisions === 1 ? "" : "s"} so far)\n\n${shared.draft ?? ""}`,
        );
        return;
      }
      const decision: Decision = values.approve
        ? { approved: true }
        : { approved: false, feedback: values.reject ?? "" };
      const result = await runFrom(saved.resumeAt, { ...saved.shared, decision }, ctx.llm, ctx.retry);
      return report(ctx, file, result);
    },
  });
}

function report(ctx: Context, file: string, result: RunResult): number {
  const { shared } = result;
  if (result.status === "paused") {
    saveCheckpoint(file, result.resumeAt, shared);
    ctx.print(`Draft ${shared.revisions + 1} for review (saved to ${file}):\n\n${shared.draft ?? ""}\n`);
    ctx.print(NEXT);
    return 0;
  }
  removeCheckpoint(file);
  const after =
    shared.revisions === 0 ? "" : ` after ${shared.revisions} revision${shared.revisions === 1 ? "" : "s"}`;
  ctx.print(`Approved${after}. Published:\n\n${shared.published ?? ""}\n`);
  ctx.print(`(${file} removed: nothing waits any more)`);
  return 0;
}
