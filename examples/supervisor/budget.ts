// One budget of model calls for a whole team: every agent asks through it, and it never goes past its limit.
import { LlmError } from "../utils/errors";
import type { Llm } from "../utils/llm";
import { steerRetry } from "../utils/retry";

export class Budget {
  used = 0;
  constructor(readonly limit: number) {}

  get left(): number {
    return this.limit - this.used;
  }

  /** `llm`, counted: past the limit a call fails at once (and is not retried), instead of being made. */
  wrap(llm: Llm): Llm {
    return {
      model: llm.model,
      embeddingModel: llm.embeddingModel,
      chat: (input, options) => {
        if (this.used >= this.limit) {
          const spent = new LlmError(
            `The team's budget of ${this.limit} model calls is spent (raise --budget).`,
            false,
          );
          // Not retryable: the node skips its remaining attempts, as for any fatal error.
          return Promise.reject(options?.retry ? steerRetry(options.retry, spent, { baseWait: 0 }) : spent);
        }
        this.used += 1;
        return llm.chat(input, options);
      },
      embed: (texts, options) => llm.embed(texts, options),
    };
  }
}
