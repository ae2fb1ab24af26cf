// Streaming: the learner sees the answer as it is written, and the flow still gets all of it.
import { Flow, Node, type Action } from "./pocketflow";

/** A model's answer, piece by piece, as it is generated. */
export type Tokens = AsyncIterable<string>;
/** The model, streaming. Aborting `signal` cancels the request. */
export type StreamLLM = (prompt: string, signal: AbortSignal) => Tokens;

/** Where the answer is shown as it arrives. */
export interface Display {
  write(text: string): void;
  /** Takes back what was shown of an attempt that failed, before a retry starts the answer again. */
  retract(): void;
}

/** What one streamed answer came to: its text, and whether the learner stopped it early. */
export type Reply = { text: string; stopped: boolean; error?: string };
export type StreamStore = {
  question: string;
  answer?: string;
  stopped?: boolean;
  error?: string;
  words?: number;
};
export type StreamOptions = { signal?: AbortSignal; maxRetries?: number };

/** Given: the prompt. */
export const answerPrompt = (question: string) => `Answer in a few sentences.\n\nQuestion: ${question}`;

// #region stream-to
/**
 * Shows each token as it arrives and returns the whole text. A stop (the signal aborts) ends the
 * answer early, keeping what came so far. If the stream breaks after something was shown, the
 * display takes it back before the error goes on, so a retry can start the answer afresh.
 */
export async function streamTo(tokens: Tokens, display: Display, signal: AbortSignal): Promise<Reply> {
  let text = "";
  try {
    for await (const token of tokens) {
      if (signal.aborted) return { text, stopped: true }; // leaving the loop closes the stream
      display.write(token);
      text += token;
    }
  } catch (error) {
    if (text !== "") display.retract();
    throw error;
  }
  return { text, stopped: signal.aborted };
}
// #endregion stream-to

// #region stream-answer
export class StreamAnswer extends Node<StreamStore, string, Reply> {
  private readonly signal: AbortSignal;

  constructor(
    private readonly llm: StreamLLM,
    private readonly display: Display,
    { signal = new AbortController().signal, maxRetries = 3 }: StreamOptions = {},
  ) {
    super({ maxRetries });
    this.signal = signal;
  }

  override prep(shared: StreamStore): string {
    return answerPrompt(shared.question);
  }

  /** One attempt: stream the answer to the display. A broken stream throws, so the node retries. */
  override async exec(prompt: string): Promise<Reply> {
    if (this.signal.aborted) return { text: "", stopped: true };
    return streamTo(this.llm(prompt, this.signal), this.display, this.signal);
  }

  /** Every attempt broke: no answer, and the flow ends instead of crashing. */
  override execFallback(_prompt: string, error: Error): Reply {
    return { text: "", stopped: false, error: error.message };
  }

  override post(shared: StreamStore, _prompt: string, reply: Reply): Action {
    if (reply.error !== undefined) {
      shared.error = reply.error;
      return "failed";
    }
    shared.answer = reply.text;
    shared.stopped = reply.stopped;
    return reply.stopped ? "stopped" : "answered";
  }
}
// #endregion stream-answer

/** Given: a node after the stream, which works on the whole answer. */
export class CountWords extends Node<StreamStore, string, number> {
  override prep(shared: StreamStore): string {
    return shared.answer ?? "";
  }

  override exec(answer: string): number {
    return answer.split(/\s+/).filter(Boolean).length;
  }

  override post(shared: StreamStore, _answer: string, words: number): Action {
    shared.words = words;
    return "done";
  }
}

// #region build
/** StreamAnswer —"answered"→ CountWords; "stopped" and "failed" end the flow. */
export function buildStreamingFlow(
  llm: StreamLLM,
  display: Display,
  options: StreamOptions = {},
): Flow<StreamStore> {
  const answer = new StreamAnswer(llm, display, options);
  answer.on("answered", new CountWords());
  return new Flow<StreamStore>(answer);
}
// #endregion build
