import { afterEach, describe, expect, it } from "vitest";
import { runMain, stubEnv } from "../utils/testing/run-main";
import {
  promptOf,
  startStub,
  type Stub,
  type StubReply,
  type StubRequest,
} from "../utils/testing/stub-server";
import { main } from "./main";

let stub: Stub | undefined;
afterEach(() => stub?.close());

/** Outline, drafts and combine answered by what each prompt asks; the first outline can be broken. */
function writer(brokenOutlines = 0) {
  return (request: StubRequest): StubReply => {
    const prompt = promptOf(request);
    if (prompt.includes("section titles")) {
      if (brokenOutlines-- > 0) return { content: "1. Intro\n2. Risks" };
      return { content: "```yaml\nsections:\n  - Introduction\n  - Key Risks\n  - Solutions\n```" };
    }
    const section = /section "([^"]+)"/.exec(prompt)?.[1];
    if (section) return { content: `Text about ${section.toLowerCase()}.` };
    return { content: `# AI Safety: A Guide\n\n${prompt.split("\n\n").slice(1).join("\n\n")}` };
  };
}

describe("workflow example", () => {
  it("outlines, drafts each section in order, then combines", async () => {
    stub = await startStub(writer());
    const result = await runMain(main, { env: stubEnv(stub.url), args: ["AI", "Safety"] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Outline:\n  1. Introduction\n  2. Key Risks\n  3. Solutions");
    expect(result.stdout).toMatch(
      /# AI Safety: A Guide\n\n## Introduction\n\nText about introduction\.\n\n## Key Risks/,
    );
    const prompts = stub.requests.map(promptOf);
    expect(prompts).toHaveLength(5);
    expect(prompts[1]).toContain('section "Introduction"');
    expect(prompts[4]).toContain("Combine these sections");
  });

  it("asks again for an outline that is not YAML", async () => {
    stub = await startStub(writer(1));
    const result = await runMain(main, { env: stubEnv(stub.url), args: ["--sections", "2"] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Outline attempt 1 was malformed");
    expect(result.stdout).toContain("Outline:\n  1. Introduction\n  2. Key Risks\n\n");
    expect(stub.requests).toHaveLength(1 + 1 + 2 + 1);
  });
});
