// The hint ladder ends in a near-solution, not the solution: the third rung gives the shape, the key
// line and the names, and "Show solution" is where the full code lives.
import { describe, expect, it } from "vitest";
import { loadAllExercises } from "../src/lib/exercises/load";

/** The solution's statements worth pasting: code lines of 20 characters or more, without comments. */
const statementsOf = (source: string) =>
  source
    .split("\n")
    .map((line) => line.trim().replace(/;$/, ""))
    .filter((line) => line.length >= 20 && !/^(\/\/|\/\*|\*)/.test(line));

describe.each(loadAllExercises())("the hints of $slug", (exercise) => {
  const [nudge, concept, nearSolution] = exercise.meta.hints;

  it("quote at most one statement of the solution in the third rung", () => {
    const solution = exercise.meta.files.flatMap((file) => statementsOf(exercise.solution[file] ?? ""));
    const quoted = solution.filter((statement) => nearSolution.includes(statement));
    expect(
      quoted.length,
      `the near-solution pastes the solution's lines: ${quoted.join(" / ")}`,
    ).toBeLessThanOrEqual(1);
  });

  it("go from short to specific: a nudge, then the concept, then the near-solution", () => {
    expect(nudge.length, "the first rung is a nudge, shorter than the near-solution").toBeLessThan(
      nearSolution.length,
    );
    expect(concept.length, "every rung says something").toBeGreaterThan(0);
  });
});
