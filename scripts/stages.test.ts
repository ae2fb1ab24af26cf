// The part-1 exercises are the core, grown stage by stage. These checks keep the copies honest when
// core/index.ts changes: earlier stages may leave pieces out, but never say them differently.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/lib/exercises/load";

const codeLines = (file: string) =>
  readFileSync(join(projectRoot, file), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter(
      (line) => line !== "" && !line.startsWith("//") && !line.startsWith("/*") && !line.startsWith("*"),
    );

const core = codeLines("core/index.ts");

describe("stage solutions", () => {
  it.each([
    "02-the-node",
    "03-retries-and-fallback",
    "04-shared-store-and-params",
    "05-transitions",
    "06-the-flow",
    "07-flows-inside-flows",
  ])("%s is core/index.ts with later pieces left out, no line written differently", (slug) => {
    const differing = codeLines(`exercises/${slug}/solution/pocketflow.ts`).filter(
      (line) => !core.includes(line),
    );
    expect(differing).toEqual([]);
  });

  it("08-batch differs from the core only in its sequential loops, which lesson 9 replaces", () => {
    const differing = codeLines("exercises/08-batch/solution/pocketflow.ts").filter(
      (line) => !core.includes(line),
    );
    expect(differing).toHaveLength(4);
    expect(differing.filter((line) => !/results|for \(const item of/.test(line))).toEqual([
      "protected override async _exec(items: Items<I>): Promise<R[]> {",
    ]);
  });
});

it("the capstone starter is core/index.ts with exactly three lines changed", () => {
  const starter = codeLines("exercises/10-the-whole-core/starter/pocketflow.ts");
  expect(starter).toHaveLength(core.length);
  expect(core.filter((line, i) => line !== starter[i])).toHaveLength(3);
});
