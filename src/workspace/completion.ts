// How a passing run completes an exercise: by the learner's own code, or by the reference solution
// the learner revealed. The two are stored and shown differently, and a later pass with their own
// code turns a "solution" completion into their own.
import {
  COMPLETED_OWN_NOW,
  LESSON_COMPLETE,
  LESSON_COMPLETE_WITH_SOLUTION,
  TYPE_ERRORS_BLOCK_COMPLETION,
} from "./messages";
import type { ExerciseProgress } from "./progress-store";

export type Completion = NonNullable<ExerciseProgress["completedWith"]>;

/**
 * Whose code just passed: the revealed solution's from Show solution until the learner restores
 * their own code or resets (edits in between still build on the solution); else the learner's.
 */
export function completionOf(record: ExerciseProgress | undefined): Completion {
  return record?.beforeSolution ? "solution" : "own";
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

/**
 * After a run whose tests all pass: the record to save (if it changes) and the sentence to announce.
 * An exercise completes only when its files type-check too.
 */
export function afterPassingTests(
  record: ExerciseProgress,
  typeChecks: boolean,
  now: Date,
): { next?: ExerciseProgress; say?: string } {
  if (!typeChecks) return record.completedAt ? {} : { say: TYPE_ERRORS_BLOCK_COMPLETION };
  const completion = completionOf(record);
  const next = completeWith(record, completion, now);
  if (!next) return {};
  if (completion === "solution") return { next, say: LESSON_COMPLETE_WITH_SOLUTION };
  const wasSolution = record.completedAt !== undefined && record.completedWith === "solution";
  return { next, say: wasSolution ? COMPLETED_OWN_NOW : LESSON_COMPLETE };
}
