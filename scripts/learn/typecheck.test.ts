// `npm run learn` type-checks the learner's files beside each run: a type error is printed with its
// place and code, and keeps the exercise from being done even when every test passes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { styleText } from "node:util";
import { describe, expect, it } from "vitest";
import { codeFrame, formatTypeIssues, typecheckFiles } from "../lib/typecheck";
import { runCommand } from "./commands";
import { fakeTerminal, tempWorkspace, twoExercises, WHOLE_CORE } from "./testing";
import { formatTypeCheck } from "./typecheck";

const noStyle = ((_format, text) => text) as (
  format: Parameters<typeof styleText>[0],
  text: string,
) => string;

describe("the type check's report", () => {
  const source = ["class Counter {", '  count: number = "none";', "}", ""].join("\n");
  const issues = typecheckFiles({ "counter.ts": source });

  it("finds a type error with its line, column and code", () => {
    expect(issues).toEqual([
      expect.objectContaining({
        file: "counter.ts",
        line: 2,
        column: 3,
        code: 2322,
        message: "Type 'string' is not assignable to type 'number'.",
      }),
    ]);
  });

  it("prints file:line:column, the message and the code frame with the span underlined", () => {
    const lines = formatTypeIssues(issues, { "counter.ts": source }, { shown: (path) => `work/${path}` });
    expect(lines).toEqual([
      "work/counter.ts:2:3 - error TS2322: Type 'string' is not assignable to type 'number'.",
      "  1 | class Counter {",
      '> 2 |   count: number = "none";',
      "    |   ^^^^^",
      "  3 | }",
    ]);
  });

  it("keeps the frame inside the file at its first line", () => {
    const [issue] = typecheckFiles({ "a.ts": "const n: number = 'x';" });
    if (!issue) throw new Error("expected an issue");
    expect(codeFrame("const n: number = 'x';", issue)).toEqual([
      "> 1 | const n: number = 'x';",
      "    |       ^",
    ]);
  });

  it("says so in one line when there is nothing to fix, and counts what it does not show", () => {
    expect(formatTypeCheck({ issues: [], files: {} }, "w", noStyle)).toEqual([
      "✓ Type check: no type errors",
    ]);
    const many = Array.from({ length: 7 }, (_, i) => `const v${i}: number = "${i}";`).join("\n");
    const lines = formatTypeCheck(
      { issues: typecheckFiles({ "m.ts": many }), files: { "m.ts": many } },
      "w",
      noStyle,
    );
    expect(lines).toContain("✗ Type check: 7 type errors");
    expect(lines.filter((line) => line.includes("TS2322"))).toHaveLength(5);
    expect(lines.at(-1)).toBe("  … and 2 more");
  });
});

describe("learn run with a type error", { timeout: 30_000 }, () => {
  const exercises = twoExercises();
  const solution = exercises[0]?.solution["pocketflow.ts"] ?? "";
  const workspace = tempWorkspace("typecheck");
  const learnerFile = join(workspace, WHOLE_CORE, "pocketflow.ts");

  async function learn(args: string[]) {
    const terminal = fakeTerminal();
    const code = await runCommand([...args, "--workspace", workspace], terminal.io, {
      exercises: () => exercises,
    });
    return { code, out: terminal.out() };
  }
  const done = () =>
    (
      JSON.parse(readFileSync(join(workspace, "progress.json"), "utf8")) as {
        exercises: Record<string, { done: boolean }>;
      }
    ).exercises[WHOLE_CORE]?.done;

  it("prints the error with its place and code, exits 1 and leaves the exercise not done", async () => {
    await learn(["list"]); // creates the workspace
    // Every test still passes: the error is one that only the type check sees.
    const lines = solution.split("\n");
    writeFileSync(
      learnerFile,
      [...lines.slice(0, 3), 'const retries: number = "three";', ...lines.slice(3)].join("\n"),
    );
    const { code, out } = await learn(["run", WHOLE_CORE]);
    expect(out).toMatch(/^\d+ passed, 0 failed$/m);
    expect(out).toContain("✗ Type check: 1 type error");
    expect(out).toContain(
      `${learnerFile}:4:7 - error TS2322: Type 'string' is not assignable to type 'number'.`,
    );
    expect(out).toContain(`> 4 | const retries: number = "three";`);
    expect(out).toContain("The tests pass, but the code has 1 type error");
    expect(out).not.toContain(`✔ ${WHOLE_CORE} is done`);
    expect(code).toBe(1);
    expect(done()).toBe(false);
  });

  it("marks the exercise done once the error is fixed", async () => {
    writeFileSync(learnerFile, solution);
    const { code, out } = await learn(["run", WHOLE_CORE]);
    expect(out).toContain("✓ Type check: no type errors");
    expect(out).toContain(`✔ ${WHOLE_CORE} is done`);
    expect(code).toBe(0);
    expect(done()).toBe(true);
  });
});
