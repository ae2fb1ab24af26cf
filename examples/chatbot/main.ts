// npm run example -- chatbot [--system "..."]
import { parseArgs } from "node:util";
import { runExample, type ExampleIO } from "../utils/cli";
import { Interrupted } from "../utils/errors";
import { Terminal } from "../utils/terminal";
import { createChatFlow, SYSTEM_PROMPT } from "./flow";
import type { ChatStore } from "./nodes";

const usage = `Usage: npm run example -- chatbot [--system "<system prompt>"]

Chat in the terminal; the answer streams as the model writes it. Type 'exit' or press Ctrl+C to leave.`;

export function main(io: ExampleIO): Promise<number> {
  return runExample(io, {
    name: "chatbot",
    usage,
    parse: (args) => parseArgs({ args, options: { system: { type: "string" } } }).values,
    async run(ctx, { system }) {
      const terminal = new Terminal(io.stdin, io.stdout);
      terminal.onInterrupt(ctx.abort); // Ctrl+C while an answer streams: stop the request too
      const shared: ChatStore = { messages: [] };
      ctx.print(`Chatting with ${ctx.config.model}. Type 'exit' or press Ctrl+C to leave.\n`);
      try {
        await createChatFlow(ctx.llm, terminal, ctx.retry, system ?? SYSTEM_PROMPT).run(shared);
      } catch (error) {
        if (!(error instanceof Interrupted)) throw error;
        ctx.print("Goodbye!");
      } finally {
        terminal.close();
      }
    },
  });
}
