// One node that loops on itself: ask → answer (streamed) → remember → ask again.
import { Node, type NodeOptions } from "../../core/index";
import { isFatal } from "../utils/errors";
import type { ChatMessage, Llm } from "../utils/llm";
import type { Terminal } from "../utils/terminal";

export interface ChatStore {
  /** The whole conversation so far: the model sees all of it on every turn. */
  messages: ChatMessage[];
}

/** What exec needs: the conversation to answer, or null when the user wants to leave. */
type Turn = ChatMessage[] | null;
/** The answer, or null when there is none (the user left, or the provider kept failing). */
type Reply = string | null;

const EXIT_WORDS = new Set(["exit", "quit", "bye"]);

export class ChatTurn extends Node<ChatStore, Turn, Reply> {
  constructor(
    private readonly llm: Llm,
    private readonly terminal: Terminal,
    private readonly system: string,
    options: NodeOptions,
  ) {
    super(options);
  }

  /** Reads the user's line and adds it to the history (prep may wait for a person: it's just async). */
  override async prep(shared: ChatStore): Promise<Turn> {
    let line: string | null = "";
    while (line !== null && line.trim() === "") line = await this.terminal.ask("You: ");
    if (line === null || EXIT_WORDS.has(line.trim().toLowerCase())) return null;
    shared.messages.push({ role: "user", content: line.trim() });
    return [{ role: "system", content: this.system }, ...shared.messages];
  }

  /** Streams the answer to the terminal as it arrives; a failed attempt is retried by the node. */
  override async exec(messages: Turn): Promise<Reply> {
    if (messages === null) return null;
    let started = false;
    try {
      const answer = await this.llm.chat(messages, {
        retry: this,
        onToken: (text) => {
          if (!started) this.terminal.write("Assistant: ");
          started = true;
          this.terminal.write(text);
        },
      });
      this.terminal.write(started ? "\n\n" : "Assistant: (empty answer)\n\n");
      return answer;
    } catch (error) {
      // An answer that stalled or broke off half-way: end its line, so the next attempt starts afresh.
      if (started) this.terminal.write("…\n");
      throw error;
    }
  }

  /** After the last retry: keep chatting instead of crashing, unless the error cannot get better. */
  override execFallback(_messages: Turn, error: Error): Reply {
    if (isFatal(error)) throw error;
    this.terminal.write(`(No answer: ${error.message} Try again, or type 'exit'.)\n\n`);
    return null;
  }

  override post(shared: ChatStore, turn: Turn, reply: Reply) {
    if (turn === null) return "exit";
    if (reply === null)
      shared.messages.pop(); // forget the unanswered question
    else shared.messages.push({ role: "assistant", content: reply });
    return "continue";
  }
}

export class Goodbye extends Node<ChatStore> {
  constructor(private readonly terminal: Terminal) {
    super();
  }

  override post(shared: ChatStore) {
    const turns = shared.messages.filter((message) => message.role === "user").length;
    this.terminal.write(`Goodbye! (you sent ${turns} message${turns === 1 ? "" : "s"})\n`);
  }
}
