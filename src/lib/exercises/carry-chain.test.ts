// The real part-1 chain: for every exercise that carries pocketflow.ts forward, the splice must keep
// what a learner wrote for the previous exercise's TODOs, and add exactly this exercise's TODOs.
import { describe, expect, it } from "vitest";
import { carryForward, parseRegions, type Segment } from "./carry-forward";
import { loadAllExercises } from "./load";

const carrying = loadAllExercises().flatMap((exercise) =>
  exercise.carry ? [{ exercise, carry: exercise.carry }] : [],
);

/** The innermost region around each line that holds a TODO stub. */
function todoRegions(source: string): string[] {
  const parsed = parseRegions(source);
  if (!parsed.ok) throw new Error(parsed.problem);
  const found = new Set<string>();
  const walk = (segments: Segment[], region: string | undefined) => {
    for (const segment of segments) {
      if (segment.kind === "region") walk(segment.children, segment.name);
      else if (/\bTODO\b/.test(segment.text) && region) found.add(region);
    }
  };
  walk(parsed.segments, undefined);
  return [...found];
}

/** The previous solution, with one line of the learner's own at the top of every TODO region. */
function withOwnLines(solution: string, regions: string[]): string {
  return solution
    .split("\n")
    .flatMap((line) => {
      const open = /^\s*\/\/\s*#region\s+([\w-]+)/.exec(line);
      return open?.[1] && regions.includes(open[1]) ? [line, `// learner's own line in ${open[1]}`] : [line];
    })
    .join("\n");
}

describe.each(carrying.map(({ exercise, carry }) => [exercise.slug, exercise, carry] as const))(
  "carry into %s",
  (_slug, exercise, carry) => {
    const nextStarter = exercise.starter[carry.file] ?? "";
    const input = {
      previousStarter: carry.previousStarter,
      previousSolution: carry.previousSolution,
      nextStarter,
    };

    it("gives exactly this exercise's starter to a learner who wrote the reference solution", () => {
      const result = carryForward({ ...input, learner: carry.previousSolution });
      expect(result.ok && result.text).toBe(nextStarter);
    });

    it("keeps what the learner wrote in every TODO region of the previous exercise", () => {
      const regions = todoRegions(carry.previousStarter);
      expect(regions.length).toBeGreaterThan(0);
      const result = carryForward({ ...input, learner: withOwnLines(carry.previousSolution, regions) });
      expect(result.ok).toBe(true);
      const lost = regions.filter(
        (name) => !(result.ok && result.text.includes(`// learner's own line in ${name}`)),
      );
      expect(lost, `regions of ${carry.from} whose learner code ${exercise.slug} replaces`).toEqual([]);
    });
  },
);
