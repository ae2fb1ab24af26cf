// Streaming an answer: every token shown as it arrives, the whole answer kept, retries and stops handled.
import { describe, expect, it, vi } from "vitest";
import { buildStreamingFlow, StreamAnswer, streamTo, type Display, type StreamStore } from "../streaming";

/** A screen that remembers what it showed and what it took back, in order. */
function screen() {
  const events: string[] = [];
  const display: Display = {
    write: (text) => void events.push(text),
    retract: () => void events.push("⟲"),
  };
  const shown = () => events.filter((event) => event !== "⟲").length;
  return { display, events, shown };
}

/** A scripted stream: yields `tokens`, throwing after `failAfter` of them (if set); notes when it is closed. */
function stream(tokens: string[], { failAfter }: { failAfter?: number } = {}) {
  const state = { closed: false, yielded: 0 };
  async function* generate() {
    try {
      for (const token of tokens) {
        if (failAfter !== undefined && state.yielded === failAfter) throw new Error("connection reset");
        state.yielded += 1;
        yield token;
      }
    } finally {
      state.closed = true;
    }
  }
  return { tokens: generate(), state };
}

/** A model whose attempts follow `attempts` in order, each a list of tokens and maybe a failure point. */
function model(...attempts: { tokens: string[]; failAfter?: number }[]) {
  const streams: ReturnType<typeof stream>[] = [];
  const llm = vi.fn((_prompt: string, _signal: AbortSignal) => {
    const attempt = attempts[Math.min(streams.length, attempts.length - 1)] ?? { tokens: [] };
    const next = stream(attempt.tokens, attempt);
    streams.push(next);
    return next.tokens;
  });
  return { llm, streams };
}

const ANSWER = ["The ", "answer ", "is ", "42."];
const newStore = (): StreamStore => ({ question: "What is the answer?" });
const never = new AbortController().signal;

describe("streamTo", () => {
  it("shows each token as it arrives, in order, and returns the whole text", async () => {
    const { display, events } = screen();
    const reply = await streamTo(stream(ANSWER).tokens, display, never);
    expect(events).toEqual(ANSWER);
    expect(reply).toEqual({ text: "The answer is 42.", stopped: false });
  });

  it("shows a token before the next one is generated: it streams, it does not wait for the end", async () => {
    const { display, shown } = screen();
    const seen: number[] = [];
    async function* watched() {
      for (const token of ANSWER) {
        seen.push(shown()); // how much was on screen when this token was generated
        yield token;
      }
    }
    await streamTo(watched(), display, never);
    expect(seen, "token n is generated when n tokens are already on screen").toEqual([0, 1, 2, 3]);
  });
});

describe("a streamed answer in a flow", () => {
  it('stores the whole answer in shared.answer and returns "answered"', async () => {
    const { llm } = model({ tokens: ANSWER });
    const shared = newStore();
    const node = new StreamAnswer(llm, screen().display);
    await expect(node.run(shared)).resolves.toBe("answered");
    expect(shared.answer).toBe("The answer is 42.");
    expect(shared.stopped).toBe(false);
  });

  it("hands the whole answer to the next node (CountWords)", async () => {
    const { llm } = model({ tokens: ANSWER });
    const shared = newStore();
    const action = await buildStreamingFlow(llm, screen().display).run(shared);
    expect(shared.words, "CountWords should see all four words").toBe(4);
    expect(action).toBe("done");
  });

  it("asks the model with the prompt and the stop signal, so a stop can cancel the request", async () => {
    const { llm } = model({ tokens: ANSWER });
    const stop = new AbortController();
    await buildStreamingFlow(llm, screen().display, { signal: stop.signal }).run(newStore());
    expect(llm).toHaveBeenCalledTimes(1);
    expect(llm.mock.calls[0]?.[0]).toContain("What is the answer?");
    expect(llm.mock.calls[0]?.[1], "the model gets the signal you were given").toBe(stop.signal);
  });
});

describe("retries once part of an answer was shown", () => {
  it("retries a stream that breaks before the first token, with nothing to take back", async () => {
    const { llm } = model({ tokens: ANSWER, failAfter: 0 }, { tokens: ANSWER });
    const { display, events } = screen();
    const shared = newStore();
    await new StreamAnswer(llm, display).run(shared);
    expect(llm).toHaveBeenCalledTimes(2);
    expect(events, "nothing was shown by the failed attempt, so nothing is retracted").toEqual(ANSWER);
    expect(shared.answer).toBe("The answer is 42.");
  });

  it("takes back what a broken attempt showed, then shows the retry from the start", async () => {
    const { llm } = model({ tokens: ANSWER, failAfter: 2 }, { tokens: ANSWER });
    const { display, events } = screen();
    const shared = newStore();
    await new StreamAnswer(llm, display).run(shared);
    expect(events).toEqual(["The ", "answer ", "⟲", ...ANSWER]);
    expect(shared.answer, "the answer is the retry's text only").toBe("The answer is 42.");
  });

  it('gives up after maxRetries broken attempts: "failed", the reason kept, no answer', async () => {
    const { llm } = model({ tokens: ANSWER, failAfter: 1 });
    const { display, events } = screen();
    const shared = newStore();
    const action = await buildStreamingFlow(llm, display, { maxRetries: 2 }).run(shared);
    expect(llm).toHaveBeenCalledTimes(2);
    expect(events).toEqual(["The ", "⟲", "The ", "⟲"]);
    expect(action, "the flow ends at StreamAnswer").toBe("failed");
    expect(shared.error).toBe("connection reset");
    expect(shared.answer).toBeUndefined();
    expect(shared.words, "CountWords does not run").toBeUndefined();
  });
});

describe("stopping a stream", () => {
  it('stops reading when the signal aborts, keeps what came so far, and returns "stopped"', async () => {
    const stop = new AbortController();
    const { llm, streams } = model({ tokens: ANSWER });
    const events: string[] = [];
    const display: Display = {
      write(text) {
        events.push(text);
        if (events.length === 2) stop.abort(); // the learner presses stop after two tokens
      },
      retract: () => void events.push("⟲"),
    };
    const shared = newStore();
    const action = await buildStreamingFlow(llm, display, { signal: stop.signal }).run(shared);
    expect(events, "no token is shown after the stop").toEqual(["The ", "answer "]);
    expect(shared.answer).toBe("The answer ");
    expect(shared.stopped).toBe(true);
    expect(action).toBe("stopped");
    expect(llm, "a stop is not a failure: no retry").toHaveBeenCalledTimes(1);
    expect(streams[0]?.state.closed, "the stream is closed, so the request ends").toBe(true);
    expect(
      streams[0]?.state.yielded,
      "reading stops at the stop: the rest of the answer is never asked for, only hidden",
    ).toBeLessThan(ANSWER.length);
  });

  it("does not call the model at all when stopped before it starts", async () => {
    const stop = new AbortController();
    stop.abort();
    const { llm } = model({ tokens: ANSWER });
    const shared = newStore();
    await expect(new StreamAnswer(llm, screen().display, { signal: stop.signal }).run(shared)).resolves.toBe(
      "stopped",
    );
    expect(llm).not.toHaveBeenCalled();
    expect(shared.answer).toBe("");
  });
});
