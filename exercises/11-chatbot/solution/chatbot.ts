// A chatbot is one node that loops to itself: ask the user, call the model with the whole history, repeat.
import { Flow, Node, type Action } from "./pocketflow";

// #region types
export type Message = { role: "system" | "user" | "assistant"; content: string };
/** The model: takes the whole conversation, resolves to the assistant's reply. */
export type CallLLM = (messages: Message[]) => Promise<string>;
/** Asks the user for their next line. */
export type AskUser = () => Promise<string>;
/** maxTurns: the most replies before the chat ends on its own (10 if absent). */
export type ChatOptions = { llm: CallLLM; askUser: AskUser; maxTurns?: number };
/** The conversation lives in the shared store, not in the node: the flow runs a fresh copy each turn. */
export type ChatStore = { messages: Message[]; turns?: number };
// #endregion types

/** What the user types to leave the chat (any case, surrounding spaces ignored). */
export const EXIT_WORDS = ["exit", "bye"];

// #region chat-turn
/** One turn of the conversation; `post` returns "continue" to loop back to itself or "done" to stop. */
export class ChatTurn extends Node<ChatStore, Message[] | undefined, string | undefined> {
  private readonly llm: CallLLM;
  private readonly askUser: AskUser;
  private readonly maxTurns: number;

  constructor({ llm, askUser, maxTurns = 10 }: ChatOptions) {
    super();
    this.llm = llm;
    this.askUser = askUser;
    this.maxTurns = maxTurns;
  }

  /** Reads the user's line; an exit word means "no more turns" (undefined), else it joins the history. */
  override async prep(shared: ChatStore): Promise<Message[] | undefined> {
    const input = await this.askUser();
    if (EXIT_WORDS.includes(input.trim().toLowerCase())) return undefined;
    shared.messages.push({ role: "user", content: input });
    return shared.messages;
  }

  /** Calls the model with the whole history, so it remembers what was said before. */
  override async exec(messages: Message[] | undefined): Promise<string | undefined> {
    return messages && this.llm(messages);
  }

  /** "done" has no successor, so the flow stops there (the core warns "Flow ends: …": that is expected). */
  override post(shared: ChatStore, _messages: Message[] | undefined, reply: string | undefined): Action {
    if (reply === undefined) return "done";
    shared.messages.push({ role: "assistant", content: reply });
    shared.turns = (shared.turns ?? 0) + 1;
    return shared.turns >= this.maxTurns ? "done" : "continue";
  }
}
// #endregion chat-turn

// #region build
export function buildChatFlow(options: ChatOptions): Flow<ChatStore> {
  const turn = new ChatTurn(options);
  turn.on("continue", turn); // the self-loop: after a reply, the same node runs again
  return new Flow(turn);
}
// #endregion build
