// A chatbot is one node that loops to itself: ask the user, call the model with the whole history, repeat.
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */
import { Flow, Node, type Action } from "./pocketflow";

export type Message = { role: "system" | "user" | "assistant"; content: string };
/** The model: takes the whole conversation, resolves to the assistant's reply. */
export type CallLLM = (messages: Message[]) => Promise<string>;
/** Asks the user for their next line. */
export type AskUser = () => Promise<string>;
/** maxTurns: the most replies before the chat ends on its own (10 if absent). */
export type ChatOptions = { llm: CallLLM; askUser: AskUser; maxTurns?: number };
/** The conversation lives in the shared store, not in the node: the flow runs a fresh copy each turn. */
export type ChatStore = { messages: Message[]; turns?: number };

/** What the user types to leave the chat (any case, surrounding spaces ignored). */
export const EXIT_WORDS = ["exit", "bye"];

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
    throw new Error(
      "TODO: prep: await this.askUser(); return undefined for an exit word, else push the user's message and return the history",
    );
  }

  /** Calls the model with the whole history, so it remembers what was said before. */
  override async exec(messages: Message[] | undefined): Promise<string | undefined> {
    throw new Error("TODO: exec: call this.llm with the messages (skip the call when there are none)");
  }

  /** "done" has no successor, so the flow stops there (the core warns "Flow ends: …": that is expected). */
  override post(shared: ChatStore, _messages: Message[] | undefined, reply: string | undefined): Action {
    throw new Error(
      'TODO: post: "done" without a reply; else store the reply, count the turn, and return "continue" until maxTurns',
    );
  }
}

/** A flow whose only node loops back to itself on "continue". */
export function buildChatFlow(options: ChatOptions): Flow<ChatStore> {
  throw new Error(
    'TODO: buildChatFlow: create a ChatTurn, link its "continue" action to itself, start a Flow on it',
  );
}
