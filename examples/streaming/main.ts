// npm run example -- streaming ["question"]
import { parseArgs } from "node:util";
import { runExample, type ExampleIO } from "../utils/cli";
import { createLlm } from "../utils/llm";
import { createStreamingFlow } from "./flow";
import type { StreamStore } from "./nodes";

const usage = `Usage: npm run example -- streaming ["<question>"]

Streams the model's answer into the terminal as it is written, then gives it a headline, which needs the
whole answer. Press Ctrl+C once to stop the answer early: what came so far is kept and still gets its
headline (press it again to leave at once). If the connection breaks mid-answer, the example says so and
starts the answer again on a new line.`;

export function main(io: ExampleIO): Promise<number> {
  return runExample(io, {
    name: "streaming",
    usage,
    parse: (args) => parseArgs({ args, allowPositionals: true, options: {} }),
    async run(ctx, { positionals }) {
      const question = positionals.join(" ").trim() || "Why do rivers meander?";
      ctx.print(`Question: ${question}\n`);
      // ctx.llm is cancelled by Ctrl+C; the headline's model is not, so a stopped answer still gets one.
      const other = createLlm(ctx.config, { log: ctx.note });
      const shared: StreamStore = { question };
      const flow = createStreamingFlow({
        streaming: ctx.llm,
        other,
        write: (text) => void io.stdout.write(text),
        policy: { baseWait: ctx.config.retryWait, log: ctx.note },
        retry: ctx.retry,
        stop: io.signal,
      });
      await flow.run(shared);
      if (shared.error !== undefined) {
        ctx.note(`No answer: ${shared.error}`);
        return 1;
      }
      const words = (shared.answer ?? "").split(/\s+/).filter(Boolean).length;
      if (shared.stopped) ctx.print(`(stopped: ${words} words kept)`);
      ctx.print(`\nHeadline: ${shared.headline ?? "(none)"}`);
    },
  });
}
