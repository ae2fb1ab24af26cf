// The part-1 exercises are the core, grown stage by stage. These checks keep the copies honest when
// core/index.ts changes: earlier stages may leave pieces out, but never say them differently. They also
// keep the named regions that carry a learner's pocketflow.ts from one exercise to the next (the
// workspace splices stage N+1's changed regions into the learner's file of stage N) consistent.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/lib/exercises/load";
import { extractRegion } from "../src/lib/regions";
import { capstoneStarter, PLANTED_BUGS } from "./capstone";

const read = (file: string) => readFileSync(join(projectRoot, file), "utf8");

const codeLines = (file: string) =>
  read(file)
    .split("\n")
    .map((line) => line.trim())
    .filter(
      (line) => line !== "" && !line.startsWith("//") && !line.startsWith("/*") && !line.startsWith("*"),
    );

const core = codeLines("core/index.ts");

/** Part 1 in order; the last stage's solution is core/index.ts itself. */
const STAGES = [
  "02-the-node",
  "03-retries-and-fallback",
  "04-shared-store-and-params",
  "05-transitions",
  "06-the-flow",
  "07-flows-inside-flows",
  "08-batch",
  "09-parallel",
];
const starterOf = (slug: string) => `exercises/${slug}/starter/pocketflow.ts`;
const solutionOf = (slug: string) =>
  slug === STAGES.at(-1) ? "core/index.ts" : `exercises/${slug}/solution/pocketflow.ts`;

const MARKER = /^\s*\/\/\s*#(region|endregion)\b\s*(\S*)/;

/** Every region of a file, in order, with the region it sits in, plus the lines outside all regions. */
function regionsOf(file: string) {
  const source = read(file);
  const regions: { name: string; parent: string | undefined; code: string }[] = [];
  const outside: string[] = [];
  const open: string[] = [];
  for (const line of source.split("\n")) {
    const [, kind, name = ""] = MARKER.exec(line) ?? [];
    if (kind === "region") {
      regions.push({ name, parent: open.at(-1), code: extractRegion(source, name, file) });
      open.push(name);
    } else if (kind === "endregion") open.pop();
    else if (open.length === 0) outside.push(line);
  }
  return { regions, outside, byName: new Map(regions.map((region) => [region.name, region])) };
}

describe("stage solutions", () => {
  it.each(STAGES.slice(0, 6))(
    "%s is core/index.ts with later pieces left out, no line written differently",
    (slug) => {
      const differing = codeLines(solutionOf(slug)).filter((line) => !core.includes(line));
      expect(differing).toEqual([]);
    },
  );

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

describe.each(STAGES.slice(1).map((slug, i) => [slug, STAGES[i] as string]))(
  "the regions of %s (spliced into the learner's file of %s)",
  (slug, previous) => {
    const before = regionsOf(solutionOf(previous));
    const starter = regionsOf(starterOf(slug));
    const solution = regionsOf(solutionOf(slug));

    it("include every region of the previous stage's solution, under the same name and parent", () => {
      for (const region of before.regions) {
        expect(starter.byName.get(region.name)?.parent, `region "${region.name}"`).toBe(region.parent);
      }
    });

    it("are the same, in the same order, in the starter and in the solution", () => {
      const names = (file: typeof starter) =>
        file.regions.map((region) => `${region.name} in ${region.parent}`);
      // The last solution is core/index.ts, which needs none of the regions that only carry code forward.
      const last = slug === STAGES.at(-1);
      const expected = last
        ? names(starter).filter((name) => names(solution).includes(name))
        : names(starter);
      expect(names(solution)).toEqual(expected);
    });

    it("leave every region that held a TODO in the previous starter as the previous solution has it", () => {
      // So the learner's own code for those TODOs is carried into this exercise, not replaced.
      const previousStarter = regionsOf(starterOf(previous));
      const holdsTodo = (region: { code: string }) => /\bTODO\b/.test(region.code);
      const innermost = previousStarter.regions.filter(
        (region) =>
          holdsTodo(region) &&
          !previousStarter.regions.some((inner) => inner.parent === region.name && holdsTodo(inner)),
      );
      const rewritten = innermost
        .filter((region) => starter.byName.get(region.name)?.code !== before.byName.get(region.name)?.code)
        .map((region) => region.name);
      expect(rewritten, `regions whose learner code from ${previous} this starter would replace`).toEqual([]);
    });

    it("hold every TODO and every line of code: outside them are only the header comments", () => {
      const code = starter.outside.filter((line) => line.trim() !== "" && !/^\s*(\/\/|\/\*)/.test(line));
      expect(code, "code outside a region would not be spliced into the learner's file").toEqual([]);
      const todos = starter.outside.filter((line) => line.includes("TODO:"));
      expect(todos, "a TODO outside a region would not reach the learner's file").toEqual([]);
    });

    it("change only regions that hold a TODO or are new to this stage, or that only add given code", () => {
      // A changed region replaces the learner's own version of it, so it should change for a reason:
      // a TODO to fill in, or code this stage hands over (a new type, a helper, a given class).
      for (const region of starter.regions) {
        const old = before.byName.get(region.name);
        if (!old || old.code === region.code) continue;
        const kept = old.code.split("\n").filter((line) => !region.code.includes(line.trim()));
        const hasTodo = region.code.includes("TODO");
        expect(
          hasTodo || kept.length === 0,
          `region "${region.name}" rewrites lines of the previous solution without a TODO: ${kept.join(" / ")}`,
        ).toBe(true);
      }
    });
  },
);

describe("the capstone starter", () => {
  it("is generated from core/index.ts: run `npx tsx scripts/capstone.ts` after the core changes", () => {
    expect(read("exercises/10-the-whole-core/starter/pocketflow.ts")).toBe(
      capstoneStarter(read("core/index.ts")),
    );
  });

  it("is core/index.ts with exactly four lines changed", () => {
    const starter = codeLines("exercises/10-the-whole-core/starter/pocketflow.ts");
    expect(starter).toHaveLength(core.length);
    expect(core.filter((line, i) => line !== starter[i])).toHaveLength(PLANTED_BUGS.length);
    expect(PLANTED_BUGS).toHaveLength(4);
  });
});
