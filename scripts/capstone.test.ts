// The capstone's starter must stay the real core with exactly three planted one-line bugs, so
// lesson 10 can promise "the whole core, three bugs" whatever happens to core/index.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { projectRoot } from "../src/lib/exercises/load";

const codeLines = (file: string) =>
  readFileSync(join(projectRoot, file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("//"));

it("the capstone starter is core/index.ts with exactly three lines changed", () => {
  const core = codeLines("core/index.ts");
  const starter = codeLines("exercises/10-the-whole-core/starter/pocketflow.ts");
  expect(starter).toHaveLength(core.length);
  const changed = core.filter((line, i) => line !== starter[i]);
  expect(changed).toHaveLength(3);
});
