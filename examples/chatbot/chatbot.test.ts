import { afterEach, describe, expect, it } from "vitest";
import { runMain, stubEnv } from "../utils/testing/run-main";
import { script, startStub, type Stub } from "../utils/testing/stub-server";
import { main } from "./main";

let stub: Stub | undefined;
afterEach(() => stub?.close());

describe("chatbot example", () => {
  it("streams answers, keeps the whole history, and says goodbye on 'exit'", async () => {
    stub = await startStub(
      script({ content: "I am a helpful assistant." }, { content: "You asked who I am." }),
    );
    const result = await runMain(main, {
      env: stubEnv(stub.url),
      input: ["Hello, who are you?", "What did I ask?", "exit"],
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("You: Hello, who are you?\nAssistant: I am a helpful assistant.");
    expect(result.stdout).toContain("Assistant: You asked who I am.");
    expect(result.stdout).toContain("Goodbye! (you sent 2 messages)");
    expect(stub.requests.every((r) => r.path === "/v1/chat/completions" && r.body.stream === true)).toBe(
      true,
    );
    // The second call carries the first exchange: the history lives in the shared store.
    const second = stub.requests[1];
    const roles = second?.path === "/v1/chat/completions" ? second.body.messages.map((m) => m.role) : [];
    expect(roles).toEqual(["system", "user", "assistant", "user"]);
  });

  it("ends cleanly when input ends (Ctrl+D) without 'exit'", async () => {
    stub = await startStub(script({ content: "Hi!" }));
    const result = await runMain(main, { env: stubEnv(stub.url), input: ["Hi"] });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Goodbye!/);
  });

  it("retries a 500 through the node and the chat goes on", async () => {
    stub = await startStub(script({ status: 500, message: "boom" }, { content: "Back again." }));
    const result = await runMain(main, { env: stubEnv(stub.url), input: ["Hi", "exit"] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Assistant: Back again.");
    expect(result.stderr).toContain("The provider had an error (500)");
  });

  it("asks again when an answer stalls or breaks off half-way, and tells the user", async () => {
    stub = await startStub(
      script(
        { content: "Hello there, friend.", cut: { after: 1, then: "stall" } },
        { content: "Hello there, friend.", cut: { after: 2, then: "drop" } },
        { content: "Hello there, friend." },
      ),
    );
    const env = stubEnv(stub.url, { LLM_TIMEOUT_SECONDS: "0.2" });
    const result = await runMain(main, { env, input: ["Hi", "exit"] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Assistant: Hello …\nAssistant: Hello there, …\nAssistant: Hello there, friend.\n",
    );
    expect(result.stderr).toContain("did not answer within 0.2 s (LLM_TIMEOUT_SECONDS). Retrying");
    expect(result.stderr).toContain("broke in the middle of the answer. Retrying");
    expect(stub.requests).toHaveLength(3);
  });

  it("stops on Ctrl+C while an answer is on its way, with a goodbye and no stack trace", async () => {
    stub = await startStub(script({ content: "too late", delayMs: 2000 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await runMain(main, { env: stubEnv(stub.url), input: ["Hi"], signal: controller.signal });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Goodbye!");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("fails fast with a clear message on a bad key", async () => {
    stub = await startStub(script({ status: 401, message: "Incorrect API key provided" }));
    const result = await runMain(main, { env: stubEnv(stub.url), input: ["Hi"] });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("check OPENAI_API_KEY");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(stub.requests).toHaveLength(1);
  });

  it("explains the configuration and exits 1 when nothing is set", async () => {
    const result = await runMain(main, { env: {} });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("No LLM provider is configured");
    expect(result.stderr).toContain("OPENAI_BASE_URL=http://localhost:11434/v1 LLM_MODEL=llama3.2");
    expect(result.stdout).toBe("");
  });
});
