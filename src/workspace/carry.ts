// What an exercise that carries the learner's file forward (part 1) starts from, decided once when the
// workspace opens with no saved code of its own: the learner's file of the previous exercise spliced
// with this exercise's TODOs, or the reference starter with a notice saying why. Pure over the saved
// record, so it is unit-tested without a page.
import { carryForward } from "../lib/exercises/carry-forward";
import type { ExerciseProgress } from "./progress-store";
import type { CarryData } from "./types";

export type CarryDecision =
  /** The previous exercise holds no code of the learner's: the starter, with nothing to say. */
  | { kind: "none" }
  /** Their file, spliced; `replaced` names changed parts whose own lines came from the starter. */
  | { kind: "carried"; text: string; replaced: string[] }
  /** Their previous exercise does not pass yet: the reference starter, and their code on offer. */
  | { kind: "not-passing"; text: string }
  /** Their file cannot be spliced exactly (markers lost): the reference starter. */
  | { kind: "unsplicable"; problem: string };

/** Decides what the carried file of this exercise starts from. */
export function decideCarry(
  carry: CarryData,
  previous: ExerciseProgress | undefined,
  nextStarter: string,
): CarryDecision {
  const learner = previous?.files?.[carry.file];
  // A record without code, or code that is the solution shown by the course, is not the learner's.
  if (learner === undefined || previous?.beforeSolution !== undefined) return { kind: "none" };
  if (previous?.completedWith === "solution" && learner === carry.previousSolution) return { kind: "none" };
  const result = carryForward({
    learner,
    previousStarter: carry.previousStarter,
    previousSolution: carry.previousSolution,
    nextStarter,
  });
  if (!result.ok) return { kind: "unsplicable", problem: result.problem };
  if (!previous?.completedAt) return { kind: "not-passing", text: result.text };
  return { kind: "carried", text: result.text, replaced: result.replaced };
}

const named = (regions: string[]) =>
  regions.map((name) => (name === "" ? "lines outside the regions" : `region ${name}`)).join(", ");

/** The sentence the workspace shows for a decision (none says nothing). */
export function describeCarry(decision: CarryDecision, carry: CarryData): string | undefined {
  const file = carry.file;
  const from = `exercise ${carry.from.slice(0, 2)} (${carry.fromTitle})`;
  switch (decision.kind) {
    case "none":
      return undefined;
    case "carried":
      return (
        `This ${file} is yours from ${from}, with this exercise's TODOs added.` +
        (decision.replaced.length > 0
          ? ` This exercise changes ${named(decision.replaced)}, so there the reference code stands in for` +
            ` your changes; your ${file} of that exercise still has them.`
          : "")
      );
    case "not-passing":
      return (
        `Your ${file} of ${from} does not pass its tests yet, so this exercise starts from the reference ` +
        `starter, which holds that exercise's reference solution.`
      );
    case "unsplicable":
      return (
        `Your ${file} of ${from} could not be carried over exactly: ${decision.problem}. This exercise ` +
        `starts from the reference starter; your code of that exercise is unchanged there.`
      );
  }
}
