// Lesson 11: a chatbot is one node whose "continue" action leads back to itself.
// Runs offline, with a scripted user and a scripted model: `npx tsx content/snippets/11-chatbot/chat.ts`
import { Flow, Node } from "../../../core/index";

// #region store
type Message = { role: "system" | "user" | "assistant"; content: string };
type ChatStore = { messages: Message[] };
// #endregion store

// The scripted user: three lines, then the end of input (null), as when you press Ctrl+D in a terminal.
const lines = ["Hi! I'm Sam.", "Suggest a name for my cat.", "What was my name again?"];
const listen = async (): Promise<string | null> => lines.shift() ?? null;

// #region model
// A stand-in model. Like a real one, it knows only what it is sent in this one call.
const llm = async (messages: Message[]): Promise<string> => {
  const name = messages.map((m) => /I'm (\w+)/.exec(m.content)?.[1]).find(Boolean);
  const last = messages.at(-1)?.content ?? "";
  if (last.includes("cat")) return "How about Pixel?";
  if (last.includes("my name")) return name ? `You're ${name}.` : "I don't know: nobody told me.";
  return name ? `Hello, ${name}!` : "Hello!";
};

// Ask about the name without the history, and the model cannot answer:
console.log(await llm([{ role: "user", content: "What was my name again?" }]));
// I don't know: nobody told me.
// #endregion model

// #region turn
class ChatTurn extends Node<ChatStore, Message[] | null, string | null> {
  override async prep(shared: ChatStore) {
    const line = await listen();
    if (line === null) return null; // the user has gone: nothing to send
    shared.messages.push({ role: "user", content: line });
    return shared.messages; // the whole conversation, not just the new line
  }

  override async exec(messages: Message[] | null) {
    return messages && llm(messages);
  }

  override post(shared: ChatStore, _messages: Message[] | null, reply: string | null) {
    if (reply === null) return "exit";
    shared.messages.push({ role: "assistant", content: reply });
    console.log(`${shared.messages.at(-2)?.content} → ${reply} (${shared.messages.length} messages)`);
    return "continue";
  }
}
// #endregion turn

class Goodbye extends Node<ChatStore> {
  override post(shared: ChatStore) {
    const turns = shared.messages.filter((m) => m.role === "assistant").length;
    console.log(`Goodbye after ${turns} turns.`);
  }
}

// #region wire
const chat = new ChatTurn();
chat.on("continue", chat); // the self-loop: after a reply, the same node runs again
chat.on("exit", new Goodbye()); // the way out

const shared: ChatStore = { messages: [{ role: "system", content: "You are a friendly assistant." }] };
await new Flow(chat).run(shared);
// #endregion wire
