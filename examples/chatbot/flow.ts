// The chatbot's graph: a self-loop on "continue", and a way out on "exit".
import { Flow, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";
import type { Terminal } from "../utils/terminal";
import { ChatTurn, Goodbye, type ChatStore } from "./nodes";

export const SYSTEM_PROMPT = "You are a helpful, concise assistant. Answer in a few sentences.";

export function createChatFlow(llm: Llm, terminal: Terminal, retry: NodeOptions, system = SYSTEM_PROMPT) {
  const chat = new ChatTurn(llm, terminal, system, retry);
  chat.on("continue", chat);
  chat.on("exit", new Goodbye(terminal));
  return new Flow<ChatStore>(chat);
}
