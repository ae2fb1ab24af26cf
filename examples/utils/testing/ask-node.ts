// A one-call node for the LLM client's tests: a real core Node, so the node's own retries do the work.
import { Node } from "../../../core/index";
import type { CallOptions, Llm } from "../llm";

export interface AskStore {
  answer?: string;
}

/** Asks once per attempt; `wait` is the pause between attempts (seconds), the rest goes to chat. */
export class Ask extends Node<AskStore, string, string> {
  private readonly options: Omit<CallOptions, "retry">;

  constructor(
    private readonly llm: Llm,
    maxRetries: number,
    { wait = 0.01, ...options }: Omit<CallOptions, "retry"> & { wait?: number } = {},
  ) {
    super({ maxRetries, wait });
    this.options = options;
  }
  override prep() {
    return "Say hi";
  }
  override exec(prompt: string) {
    return this.llm.chat(prompt, { ...this.options, retry: this });
  }
  override post(shared: AskStore, _prompt: string, answer: string) {
    shared.answer = answer;
  }
}

/** Runs an Ask node and resolves with its answer. */
export async function ask(llm: Llm, maxRetries: number, options: Omit<CallOptions, "retry"> = {}) {
  const shared: AskStore = {};
  await new Ask(llm, maxRetries, { ...options, wait: 0 }).run(shared);
  return shared.answer;
}
