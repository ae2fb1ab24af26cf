// A provider that misbehaves, through real HTTP to the stub: silence, stalls, dropped connections and
// replies that are not what an OpenAI-compatible server sends. Timeouts are fractions of a second here.
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { LlmError } from "./errors";
import { createLlm } from "./llm";
import { ask } from "./testing/ask-node";
import { script, startStub, type Stub, type StubReply } from "./testing/stub-server";

const TIMEOUT = "0.2";

let stub: Stub | undefined;
afterEach(() => stub?.close());

async function setup(...replies: StubReply[]) {
  stub = await startStub(script(...replies));
  const env = {
    OPENAI_BASE_URL: stub.url,
    LLM_MODEL: "stub-model",
    EMBEDDING_MODEL: "stub-embed",
    LLM_RETRY_WAIT: "0",
    LLM_TIMEOUT_SECONDS: TIMEOUT,
  };
  const notes: string[] = [];
  return { stub, notes, llm: createLlm(loadConfig(env), { log: (line) => notes.push(line) }) };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error as LlmError,
  );

const HELLO = "Hello there, learner.";
const CHECK_URL = "Check OPENAI_BASE_URL: it should be the server's API URL, usually ending in /v1.";

describe("a provider that does not answer", () => {
  it("times out a silent request, retries it like a 5xx, and says it did not answer in time", async () => {
    const { stub, notes, llm } = await setup({ silent: true });
    const error = await failure(ask(llm, 3));
    expect(error).toBeInstanceOf(LlmError);
    expect(error.message).toBe(
      `The provider at ${stub.url} did not answer within ${TIMEOUT} s (LLM_TIMEOUT_SECONDS). ` +
        "Gave up after 3 attempts.",
    );
    expect(stub.requests).toHaveLength(3);
    expect(notes[0]).toContain("Retrying in 0s (attempt 2 of 3)");
  });

  it("succeeds when the provider answers on a later attempt", async () => {
    const { stub, llm } = await setup({ silent: true }, { content: HELLO });
    expect(await ask(llm, 3)).toBe(HELLO);
    expect(stub.requests).toHaveLength(2);
  });

  it("times out a stream that stalls after its first piece, and retries it", async () => {
    const { stub, llm } = await setup(
      { content: HELLO, cut: { after: 1, then: "stall" } },
      { content: HELLO },
    );
    const pieces: string[] = [];
    expect(await ask(llm, 2, { onToken: (piece) => pieces.push(piece) })).toBe(HELLO);
    expect(pieces).toEqual(["Hello ", "Hello ", "there, ", "learner."]);
    expect(stub.requests).toHaveLength(2);
  });

  it("times out a JSON answer that stalls half-way", async () => {
    const { llm } = await setup({ content: HELLO, cut: { after: 40, then: "stall" } });
    const error = await failure(ask(llm, 1));
    expect(error.message).toMatch(/did not answer within 0\.2 s/);
  });
});

describe("a connection dropped in the middle of an answer", () => {
  it("is retried for a streamed answer", async () => {
    const { stub, notes, llm } = await setup(
      { content: HELLO, cut: { after: 2, then: "drop" } },
      { content: HELLO },
    );
    expect(await ask(llm, 2, { onToken: () => undefined })).toBe(HELLO);
    expect(stub.requests).toHaveLength(2);
    expect(notes[0]).toContain(`The connection to ${stub.url} broke in the middle of the answer.`);
  });

  it("is retried for a JSON answer", async () => {
    const { stub, llm } = await setup(
      { content: HELLO, cut: { after: 30, then: "drop" } },
      { content: HELLO },
    );
    expect(await ask(llm, 2)).toBe(HELLO);
    expect(stub.requests).toHaveLength(2);
  });

  it("reports it after the last attempt", async () => {
    const { llm } = await setup({ content: HELLO, cut: { after: 1, then: "drop" } });
    const error = await failure(ask(llm, 2, { onToken: () => undefined }));
    expect(error.message).toMatch(/broke in the middle of the answer\. Gave up after 2 attempts\./);
  });
});

describe("a reply that is not an OpenAI-style answer", () => {
  const html = "<!DOCTYPE html><html><head><title>Sign in to the proxy</title></head><body>…</body></html>";

  it("names the URL and shows the start of an HTML page, without retrying", async () => {
    const { stub, llm } = await setup({ body: html, contentType: "text/html" });
    const error = await failure(ask(llm, 4));
    expect(error.message).toBe(
      `${stub.url}/chat/completions sent something that is not an OpenAI-compatible reply: an HTML ` +
        `page titled “Sign in to the proxy”. ${CHECK_URL}`,
    );
    expect(stub.requests).toHaveLength(1);
  });

  it("says so for an HTML page sent to a streamed request", async () => {
    const { stub, llm } = await setup({ body: html, contentType: "text/html; charset=utf-8" });
    const error = await failure(ask(llm, 4, { onToken: () => undefined }));
    expect(error.message).toContain(`${stub.url}/chat/completions sent something that is not`);
    expect(error.message).toContain("an HTML page titled “Sign in to the proxy”");
  });

  it("quotes JSON that has no choices", async () => {
    const { stub, llm } = await setup({ body: '{"object":"list","data":[]}' });
    const error = await failure(ask(llm, 4));
    expect(error.message).toBe(
      `${stub.url}/chat/completions sent something that is not an OpenAI-compatible reply: JSON ` +
        `without \`choices\`, {"object":"list","data":[]}. ${CHECK_URL}`,
    );
  });

  it("quotes broken JSON, cut to a readable length", async () => {
    const { llm } = await setup({ body: `{"choices": [${"x".repeat(500)}` });
    const error = await failure(ask(llm, 4));
    expect(error.message).toMatch(/: text that is not JSON, “\{"choices": \[x+… \(513 characters\)”\./);
    expect(error.message.length).toBeLessThan(400);
  });

  it("quotes a stream event that is not JSON", async () => {
    const { llm } = await setup({ body: "data: {oops\n\n", contentType: "text/event-stream" });
    const error = await failure(ask(llm, 4, { onToken: () => undefined }));
    expect(error.message).toMatch(/not an OpenAI-compatible reply: a stream event that is not JSON\./);
  });

  it("checks embeddings too", async () => {
    const { stub, llm } = await setup({ body: '{"data":"nope"}' });
    const error = await failure(llm.embed(["a", "b"]));
    expect(error.message).toBe(
      `${stub.url}/embeddings sent something that is not an OpenAI-compatible reply: JSON without a ` +
        `list of embeddings in \`data\`, {"data":"nope"}. ${CHECK_URL}`,
    );
  });

  it("accepts a streamed request answered in one piece of JSON (a server that ignores `stream`)", async () => {
    const completion = { choices: [{ index: 0, message: { role: "assistant", content: HELLO } }] };
    const { llm } = await setup({ body: JSON.stringify(completion) });
    const pieces: string[] = [];
    expect(await llm.chat("hi", { onToken: (piece) => pieces.push(piece) })).toBe(HELLO);
    expect(pieces).toEqual([HELLO]);
  });
});
