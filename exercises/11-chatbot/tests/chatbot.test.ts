// The chatbot: a self-looping node, the history in the shared store, and two ways out (exit word, turn limit).
// ChatTurn's post says "done" for both ways out; where "done" leads is the learner's choice, as lesson 11
// allows: nowhere (the flow ends there, and resolves to "done") or to a goodbye node of their own. So the
// flow-level tests check that the chat ended (the user is not asked again, the model not called), never
// what the flow resolved to.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildChatFlow, ChatTurn, type ChatStore, type Message } from "../chatbot";

/** A user who types the given lines in order, and complains if asked for more. */
function scriptedUser(lines: string[]) {
  let next = 0;
  return vi.fn(async () => {
    const line = lines[next++];
    if (line === undefined)
      throw new Error(
        `the chatbot asked the user again after their last line "${lines.at(-1)}": ` +
          "should the chat have ended (exit word or turn limit)?",
      );
    return line;
  });
}

/** A model that replies "reply 1", "reply 2", … and remembers what history it saw on each call. */
function scriptedModel() {
  const seen: string[][] = [];
  const llm = vi.fn(async (messages: Message[]) => {
    seen.push(messages.map((m) => `${m.role}: ${m.content}`)); // a snapshot: the array keeps growing later
    return `reply ${seen.length}`;
  });
  return { llm, seen };
}

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => {}); // "Flow ends: 'done' not found" is expected
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("the chat flow", () => {
  it('links the chat node to itself with the "continue" action', () => {
    const flow = buildChatFlow({ llm: scriptedModel().llm, askUser: scriptedUser([]) });
    const start = flow.startNode;
    expect(start, "the flow should start on a ChatTurn").toBeInstanceOf(ChatTurn);
    expect(start?.successors.get("continue"), 'ChatTurn\'s "continue" should lead back to itself').toBe(
      start,
    );
  });

  it("answers one message and keeps both sides in shared.messages", async () => {
    const { llm } = scriptedModel();
    const shared: ChatStore = { messages: [] };
    await buildChatFlow({ llm, askUser: scriptedUser(["Hello, who are you?", "bye"]) }).run(shared);
    expect(shared.messages, "the history should hold the user's line, then the assistant's reply").toEqual([
      { role: "user", content: "Hello, who are you?" },
      { role: "assistant", content: "reply 1" },
    ]);
  });

  it("sends the whole history to the model on every turn", async () => {
    const { llm, seen } = scriptedModel();
    await buildChatFlow({ llm, askUser: scriptedUser(["hi", "how are you?", "bye"]) }).run({ messages: [] });
    expect(seen, "turn 2 should see turn 1's question and reply before the new question").toEqual([
      ["user: hi"],
      ["user: hi", "assistant: reply 1", "user: how are you?"],
    ]);
  });

  it("grows the shared store by one question and one reply per turn", async () => {
    const shared: ChatStore = { messages: [] };
    const sizes: number[] = [];
    const askUser = vi.fn(async () => {
      sizes.push(shared.messages.length); // what the store holds each time the user is asked
      return ["one", "two", "three", "bye"][sizes.length - 1] ?? "bye";
    });
    await buildChatFlow({ llm: scriptedModel().llm, askUser }).run(shared);
    expect(sizes, "before each question the history should hold 0, 2, 4, 6 messages").toEqual([0, 2, 4, 6]);
    expect(shared.turns, "shared.turns should count the 3 replies").toBe(3);
  });

  it("keeps a history the store already had, such as a system message", async () => {
    const { llm, seen } = scriptedModel();
    const shared: ChatStore = { messages: [{ role: "system", content: "Be brief." }] };
    await buildChatFlow({ llm, askUser: scriptedUser(["hi", "bye"]) }).run(shared);
    expect(seen[0], "the model should see the system message first").toEqual([
      "system: Be brief.",
      "user: hi",
    ]);
    expect(shared.messages, "system message, question, reply").toHaveLength(3);
  });
});

describe("leaving the chat", () => {
  it("ends when the user says bye, without calling the model", async () => {
    const { llm } = scriptedModel();
    const shared: ChatStore = { messages: [] };
    const askUser = scriptedUser(["bye"]);
    await buildChatFlow({ llm, askUser }).run(shared);
    expect(askUser, "after bye the user is not asked again").toHaveBeenCalledTimes(1);
    expect(llm, "there is nothing to answer after bye").not.toHaveBeenCalled();
    expect(shared.messages, "the exit word is not part of the conversation").toEqual([]);
  });

  it("recognizes exit words in any case and with spaces around them", async () => {
    for (const word of ["exit", "  EXIT ", "Bye"]) {
      const { llm } = scriptedModel();
      const askUser = scriptedUser(["question", word]);
      await buildChatFlow({ llm, askUser }).run({ messages: [] });
      expect(llm, `"${word}" should end the chat after one reply`).toHaveBeenCalledTimes(1);
    }
  });

  it("treats a message that merely contains bye as a normal message", async () => {
    const { llm } = scriptedModel();
    await buildChatFlow({ llm, askUser: scriptedUser(["say bye to Bob", "bye"]) }).run({ messages: [] });
    expect(llm, '"say bye to Bob" is a question for the model, not an exit').toHaveBeenCalledTimes(1);
  });

  it("stops after maxTurns replies even if the user never says bye", async () => {
    const { llm } = scriptedModel();
    const askUser = scriptedUser(Array.from({ length: 50 }, (_, i) => `message ${i + 1}`));
    const shared: ChatStore = { messages: [] };
    await buildChatFlow({ llm, askUser, maxTurns: 3 }).run(shared);
    expect(llm, "with maxTurns: 3 the model should answer 3 times, then the flow ends").toHaveBeenCalledTimes(
      3,
    );
    expect(askUser, "the user should not be asked again after the last turn").toHaveBeenCalledTimes(3);
    expect(shared.turns, "shared.turns counts the replies").toBe(3);
  });

  it("ends on its own after 10 turns when no maxTurns is given", async () => {
    const { llm } = scriptedModel();
    const askUser = scriptedUser(Array.from({ length: 50 }, () => "tell me more"));
    await buildChatFlow({ llm, askUser }).run({ messages: [] });
    expect(llm, "the default turn limit is 10").toHaveBeenCalledTimes(10);
  });
});

describe("ChatTurn's hooks", () => {
  const model = async () => "unused";

  it("prep asks the user and appends their message to shared.messages", async () => {
    const shared: ChatStore = { messages: [] };
    const node = new ChatTurn({ llm: model, askUser: async () => "hello" });
    const history = await node.prep(shared);
    expect(shared.messages).toEqual([{ role: "user", content: "hello" }]);
    expect(history, "prep should return the history for exec").toEqual(shared.messages);
  });

  it('post stores the reply, counts the turn and returns "continue" below the limit', () => {
    const shared: ChatStore = { messages: [{ role: "user", content: "hi" }] };
    const node = new ChatTurn({ llm: model, askUser: async () => "", maxTurns: 2 });
    expect(node.post(shared, shared.messages, "hello!")).toBe("continue");
    expect(shared.messages.at(-1)).toEqual({ role: "assistant", content: "hello!" });
    expect(shared.turns).toBe(1);
    expect(
      node.post(shared, shared.messages, "again"),
      'the 2nd of maxTurns: 2 replies should return "done"',
    ).toBe("done");
  });

  it('prep hands on undefined for an exit word, and post then returns "done" without touching the history', async () => {
    const shared: ChatStore = { messages: [{ role: "user", content: "hi" }] };
    const node = new ChatTurn({ llm: model, askUser: async () => " Bye " });
    expect(
      await node.prep(shared),
      "an exit word means no more turns: prep returns undefined",
    ).toBeUndefined();
    expect(shared.messages, "the exit word does not join the history").toHaveLength(1);
    expect(node.post(shared, undefined, undefined), 'no reply: post returns "done"').toBe("done");
    expect(shared.messages, "nothing was added for the exit").toHaveLength(1);
  });
});
