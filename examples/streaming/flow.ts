// stream the answer —"answered" or "stopped"→ headline; "failed" ends the flow.
import { Flow, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";
import type { RetryPolicy } from "../utils/retry";
import { Headline, StreamAnswer, type StreamStore } from "./nodes";

export interface StreamingParts {
  /** The model for the streamed answer: Ctrl+C cancels its request. */
  streaming: Llm;
  /** The model for the headline: a stopped answer still gets one. */
  other: Llm;
  write: (text: string) => void;
  policy: RetryPolicy;
  retry: NodeOptions;
  /** The reader's stop (Ctrl+C). */
  stop?: AbortSignal;
}

export function createStreamingFlow({ streaming, other, write, policy, retry, stop }: StreamingParts) {
  const answer = new StreamAnswer(streaming, write, policy, retry, stop);
  const headline = new Headline(other, retry);
  answer.on("answered", headline);
  answer.on("stopped", headline);
  return new Flow<StreamStore>(answer);
}
