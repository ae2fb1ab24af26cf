// The LLM client through real HTTP to the stub, inside a real core Node: the node's retries do the work.
import { afterEach, describe, expect, it } from "vitest";
import { Flow } from "../../core/index";
import { loadConfig } from "./config";
import { LlmError } from "./errors";
import { createLlm } from "./llm";
import { Ask } from "./testing/ask-node";
import { script, startStub, type Stub, type StubReply } from "./testing/stub-server";

let stub: Stub | undefined;
afterEach(() => stub?.close());

async function setup(...replies: StubReply[]) {
  stub = await startStub(script(...replies));
  const notes: string[] = [];
  const config = loadConfig({ OPENAI_BASE_URL: stub.url, LLM_MODEL: "stub-model", LLM_RETRY_WAIT: "0.01" });
  return { stub, notes, llm: createLlm(config, { log: (line) => notes.push(line) }) };
}

describe("LLM calls inside a node", () => {
  it("retries a 429 through the node's own retries, then succeeds", async () => {
    const { stub, notes, llm } = await setup({ status: 429, message: "Slow down" }, { content: "hi" });
    const shared: { answer?: string } = {};
    await new Flow(new Ask(llm, 3)).run(shared);
    expect(shared.answer).toBe("hi");
    expect(stub.requests).toHaveLength(2);
    expect(notes.join("\n")).toMatch(
      /Rate limited by the provider \(429\).*Retrying in 0\.01s \(attempt 2 of 3\)/,
    );
  });

  it("retries a 500 the same way", async () => {
    const { stub, llm } = await setup({ status: 500, message: "Oops" }, { content: "hello again" });
    const shared: { answer?: string } = {};
    await new Flow(new Ask(llm, 3)).run(shared);
    expect(shared.answer).toBe("hello again");
    expect(stub.requests).toHaveLength(2);
  });

  it("honours Retry-After and grows the wait exponentially otherwise", async () => {
    const { llm } = await setup(
      { status: 429, headers: { "retry-after-ms": "30" } },
      { status: 503 },
      { content: "ok" },
    );
    const node = new Ask(llm, 3);
    const waits: number[] = [];
    const exec = node.exec.bind(node);
    node.exec = (prompt) => exec(prompt).finally(() => waits.push(node.wait));
    await node.run({});
    expect(waits.slice(0, 2)).toEqual([0.03, 0.02]); // server's 30 ms, then 0.01 · 2^1
  });

  it("does not let the SDK retry behind the node's back", async () => {
    const { stub, llm } = await setup({ status: 500 }, { content: "never reached" });
    await expect(new Ask(llm, 1).run({})).rejects.toThrow(/\(500\)/);
    expect(stub.requests).toHaveLength(1);
  });

  it("fails fast on a bad key (401) with a message saying what to fix", async () => {
    const { stub, llm } = await setup({ status: 401, message: "Incorrect API key" }, { content: "no" });
    const error = await new Ask(llm, 4).run({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect((error as LlmError).message).toContain("check OPENAI_API_KEY");
    expect(stub.requests).toHaveLength(1);
  });

  it("fails fast on an unknown model (404), naming the model and the variable", async () => {
    const { stub, llm } = await setup({ status: 404, message: "model not found" });
    await expect(new Ask(llm, 4).run({})).rejects.toThrow(/Model 'stub-model' was not found.*LLM_MODEL/);
    expect(stub.requests).toHaveLength(1);
  });

  it("gives up after the last attempt and says so", async () => {
    const { stub, llm } = await setup({ status: 503, message: "Overloaded" });
    await expect(new Ask(llm, 3).run({})).rejects.toThrow(/\(503\).*Gave up after 3 attempts/);
    expect(stub.requests).toHaveLength(3);
  });

  it("streams an answer piece by piece", async () => {
    const { stub, llm } = await setup({ content: "one two three" });
    const pieces: string[] = [];
    const text = await llm.chat("count", { onToken: (piece) => pieces.push(piece) });
    expect(text).toBe("one two three");
    expect(pieces).toEqual(["one ", "two ", "three"]);
    expect(stub.requests[0]?.body).toMatchObject({ stream: true });
  });

  it("explains a server that is not running", async () => {
    const config = loadConfig({
      OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
      LLM_MODEL: "m",
      LLM_RETRY_WAIT: "0",
    });
    await expect(createLlm(config).chat("hi")).rejects.toThrow(/Could not reach http:\/\/127\.0\.0\.1:9\/v1/);
  });
});
