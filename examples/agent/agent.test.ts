import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { runMain, stubEnv } from "../utils/testing/run-main";
import { promptOf, script, startStub, type Stub } from "../utils/testing/stub-server";
import { main } from "./main";

const LESSONS = fileURLToPath(new URL("../utils/fixtures/lessons/", import.meta.url));
const decide = (yaml: string) => ({ content: `\`\`\`yaml\n${yaml}\n\`\`\`` });

let stub: Stub | undefined;
afterEach(() => stub?.close());

describe("agent example", () => {
  it("decides to search the lessons, loops back with the results, then answers citing them", async () => {
    stub = await startStub(
      script(
        decide("action: search\nreason: need the lessons\nsearch_query: flow next node successors"),
        decide("action: answer\nreason: the loop section covers it"),
        { content: "It looks the action up among the node's successors [06-the-flow]." },
      ),
    );
    const result = await runMain(main, {
      env: stubEnv(stub.url, { LESSONS_DIR: LESSONS }),
      args: ["How does a flow pick the next node?"],
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Step 1: search "flow next node successors" (need the lessons)');
    expect(result.stdout).toContain("found [06-the-flow] The loop in four steps");
    expect(result.stdout).toContain("Step 2: answer (the loop section covers it)");
    expect(result.stdout).toContain("Cited lessons: [06-the-flow]");
    const [first, second, answer] = stub.requests.map(promptOf);
    expect(first).toContain("No previous search.");
    expect(second).toContain("SEARCH: flow next node successors"); // the context grew
    expect(answer).toContain("Look the action up among the node's successors");
  });

  it("always ends: at the step limit it answers with what it has", async () => {
    stub = await startStub((request) =>
      promptOf(request).includes("Decide:")
        ? decide("action: search\nreason: more\nsearch_query: retry")
        : { content: "Retries repeat exec [03-retries]." },
    );
    const result = await runMain(main, {
      env: stubEnv(stub.url),
      args: ["--max-steps", "3", "--lessons", LESSONS],
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Step 3: answer (step limit reached");
    expect(stub.requests).toHaveLength(3); // two decisions + the answer; the forced decision needs no call
    expect(result.stdout).toContain("Cited lessons: [03-retries]");
  });

  it("retries a malformed decision, then falls back to searching the question itself", async () => {
    stub = await startStub(
      script(
        { content: "I think I should search." },
        decide("action: dance\nreason: why not"),
        decide("action: search\nreason: no query"),
        decide("action: search"),
        decide("action: answer\nreason: enough"),
        { content: "BatchNode runs exec once per item [08-batch]." },
      ),
    );
    const result = await runMain(main, {
      env: stubEnv(stub.url, { LESSONS_DIR: LESSONS }),
      args: ["What does BatchNode do with each item?"],
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Step 1: search "What does BatchNode do with each item?" (no valid decision',
    );
    expect(result.stdout).toContain("found [08-batch] BatchNode");
    expect(result.stdout).toContain("Cited lessons: [08-batch]");
  });

  it("stops after one node's retries when the provider is down, instead of carrying on without it", async () => {
    stub = await startStub(() => ({ status: 503, message: "Service Unavailable" }));
    const result = await runMain(main, { env: stubEnv(stub.url, { LESSONS_DIR: LESSONS }) });
    expect(result.code).toBe(1);
    expect(stub.requests).toHaveLength(4);
    expect(result.stderr).toContain("LLM error: The provider had an error (503)");
    expect(result.stderr).toContain("Gave up after 4 attempts.");
    expect(result.stdout).not.toContain("Step 1");
  });

  it("says where the lessons are missing", async () => {
    stub = await startStub(script({ content: "unused" }));
    const result = await runMain(main, { env: stubEnv(stub.url, { LESSONS_DIR: "/no/such/dir" }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Cannot read the lessons folder /no/such/dir");
  });
});
