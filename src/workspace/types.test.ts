import { describe, expect, it } from "vitest";
import { parseWorkspaceData, type WorkspaceData } from "./types";

const data: WorkspaceData = {
  slug: "06-the-flow",
  lesson: "06-the-flow",
  title: "Write the Flow",
  files: ["pocketflow.ts"],
  readonly: [],
  starter: { "pocketflow.ts": "// TODO" },
  solution: { "pocketflow.ts": "// done" },
  tests: { "tests/flow.test.ts": "test" },
  hints: ["a", "b", "c"],
  timeoutMs: 5000,
};

describe("the exercise data embedded in a lesson page", () => {
  it("parses what ExercisePanel.astro writes, including an escaped </script>", () => {
    const json = JSON.stringify({ ...data, starter: { "pocketflow.ts": "</script>" } }).replaceAll(
      "<",
      "\\u003c",
    );
    expect(parseWorkspaceData(json).starter["pocketflow.ts"]).toBe("</script>");
  });

  it("rejects data with missing or mistyped fields", () => {
    expect(() => parseWorkspaceData(JSON.stringify({ ...data, tests: undefined }))).toThrow(/missing fields/);
    expect(() => parseWorkspaceData(JSON.stringify({ ...data, files: "pocketflow.ts" }))).toThrow();
    expect(() => parseWorkspaceData("null")).toThrow(/not an object/);
  });
});
