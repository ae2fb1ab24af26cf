// A node that streams its answer into the terminal while the flow still gets all of it, then a node that
// works on the whole answer. Lesson 19: only exec streams; a broken stream is taken back and retried.
import { Node, type NodeOptions } from "../../core/index";
import { Interrupted, isFatal, LlmError } from "../utils/errors";
import type { ChatMessage, Llm } from "../utils/llm";
import { steerRetry, type RetryPolicy } from "../utils/retry";

export interface StreamStore {
  question: string;
  answer?: string;
  /** True when the reader stopped the answer early (Ctrl+C): what came so far is kept. */
  stopped?: boolean;
  headline?: string;
  error?: string;
}

type Reply = { text: string; stopped: boolean; error?: string };

const SYSTEM = "Answer clearly in one or two short paragraphs.";

export class StreamAnswer extends Node<StreamStore, ChatMessage[], Reply> {
  constructor(
    private readonly llm: Llm,
    private readonly write: (text: string) => void,
    private readonly policy: RetryPolicy,
    options: NodeOptions,
    /** Aborted when the reader stops the answer (Ctrl+C). */
    private readonly stop?: AbortSignal,
  ) {
    super(options);
  }

  override prep(shared: StreamStore): ChatMessage[] {
    return [
      { role: "system", content: SYSTEM },
      { role: "user", content: shared.question },
    ];
  }

  override async exec(messages: ChatMessage[]): Promise<Reply> {
    let shown = "";
    let pieces = 0;
    try {
      const text = await this.llm.chat(messages, {
        onToken: (token) => {
          if (this.stop?.aborted) return; // nothing is shown after a stop
          shown += token;
          pieces += 1;
          this.write(token);
        },
      });
      return this.stop?.aborted ? { text: shown, stopped: true } : { text, stopped: false };
    } catch (error) {
      // A stop is not a failure: keep what came so far, and do not retry.
      if (error instanceof Interrupted || this.stop?.aborted) return { text: shown, stopped: true };
      if (isFatal(error)) {
        this.maxRetries = this.curRetry + 1; // a bad key or model: retrying cannot help
        throw error;
      }
      const again = this.curRetry + 1 < this.maxRetries;
      // Half an answer is on screen: take it back (in a terminal, say so and start a new line).
      if (shown) {
        this.write(
          `\n[the connection broke after ${pieces} pieces${again ? ": starting the answer again" : ""}]\n`,
        );
      }
      const broken =
        error instanceof LlmError ? error : new LlmError(`The stream broke: ${messageOf(error)}.`, true);
      throw steerRetry(this, broken, this.policy);
    }
  }

  override execFallback(_messages: ChatMessage[], error: Error): Reply {
    if (isFatal(error)) throw error;
    return { text: "", stopped: false, error: error.message };
  }

  override post(shared: StreamStore, _messages: ChatMessage[], reply: Reply) {
    this.write("\n");
    if (reply.error !== undefined) {
      shared.error = reply.error;
      return "failed";
    }
    shared.answer = reply.text;
    shared.stopped = reply.stopped;
    return reply.stopped ? "stopped" : "answered";
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Works on the whole answer, as any node after a streaming one can. Not streamed: its output is one line. */
export class Headline extends Node<StreamStore, string, string> {
  constructor(
    private readonly llm: Llm,
    options: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: StreamStore) {
    return shared.answer ?? "";
  }

  override async exec(answer: string) {
    if (answer.trim() === "") return "(nothing to name: the answer was stopped before it began)";
    const reply = await this.llm.chat(
      `Write a headline of at most eight words for this text. Reply with the headline only.\n\n${answer}`,
      { retry: this },
    );
    return reply.trim().replace(/^["'#\s]+|["'\s]+$/g, "");
  }

  override post(shared: StreamStore, _answer: string, headline: string) {
    shared.headline = headline;
  }
}
