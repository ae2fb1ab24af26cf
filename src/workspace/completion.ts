// How a passing run completes an exercise: by the learner's own code, or by the reference solution
// the learner revealed. The two are stored and shown differently, and a later pass with their own
// code turns a "solution" completion into their own.
import type { ExerciseProgress } from "./progress-store";
import type { Files } from "./types";

export type Completion = NonNullable<ExerciseProgress["completedWith"]>;

/** Whose code just passed: the solution's while it is in the editor (shown, or pasted as is). */
export function completionOf(
  record: ExerciseProgress | undefined,
  files: Files,
  solution: Files,
): Completion {
  if (record?.beforeSolution) return "solution";
  const paths = Object.keys(files);
  const isSolution =
    paths.length > 0 && paths.every((path) => files[path]?.trim() === solution[path]?.trim());
  return isSolution ? "solution" : "own";
}

/** The record after a passing run, or undefined when nothing changes. */
export function completeWith(
  record: ExerciseProgress,
  completion: Completion,
  now: Date,
): ExerciseProgress | undefined {
  if (!record.completedAt) return { ...record, completedAt: now.toISOString(), completedWith: completion };
  if ((record.completedWith ?? "own") === "solution" && completion === "own") {
    return { ...record, completedWith: "own" };
  }
  return undefined;
}

export const BADGE_TEXT: Record<Completion, string> = {
  own: "Completed: this lesson is done.",
  solution:
    "Completed with the solution shown. To finish it in your own code, restore your code or reset, " +
    "then make the tests pass.",
};
