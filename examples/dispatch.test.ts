import { describe, expect, it } from "vitest";
import { dispatch, EXAMPLES } from "./dispatch";
import { runMain } from "./utils/testing/run-main";

const run = (args: string[]) => runMain(dispatch, { args, env: {} });

describe("npm run example", () => {
  it("lists every example, one line each, and exits 1 without a name", async () => {
    const { code, stderr } = await run([]);
    expect(code).toBe(1);
    for (const name of [
      "chatbot",
      "structured-output",
      "map-reduce",
      "parallel",
      "workflow",
      "agent",
      "rag",
      "streaming",
      "approval",
      "supervisor",
      "tutorial",
    ]) {
      expect(stderr).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
    }
    expect(Object.keys(EXAMPLES)).toHaveLength(11);
  });

  it("names an unknown example before the list", async () => {
    const { code, stderr } = await run(["chatbott"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Unknown example 'chatbott'\.\n\nUsage:/);
  });

  it("runs the named example with the remaining args", async () => {
    const help = await run(["rag", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: npm run example -- rag");
    const bad = await run(["agent", "--max-stepz", "3"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Unknown option '--max-stepz'[\s\S]*Usage: npm run example -- agent/);
  });
});

describe("every example without configuration", () => {
  it.each(Object.keys(EXAMPLES))("%s exits 1 with the setup message", async (name) => {
    const { code, stdout, stderr } = await run([name]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `OPENAI_BASE_URL=http://localhost:11434/v1 LLM_MODEL=llama3.2 npm run example -- ${name}`,
    );
    expect(stdout).toBe("");
  });
});
