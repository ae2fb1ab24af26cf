// The type check beside each `npm run learn` run: the learner's files are checked as the editor in
// the browser checks them (the same language service and environment), and an exercise is done
// only when its tests pass and it type-checks.
import type { Exercise, Files } from "../../src/lib/exercises/schema";
import type { TypeIssue } from "../../src/lib/typescript/service";
import { countTypeErrors, formatTypeIssues, typecheckFiles } from "../lib/typecheck";
import type { LearnContext } from "./context";

export interface TypeCheckOutcome {
  issues: TypeIssue[];
  files: Files;
}

/** At most this many errors are printed with their code; a count stands for the rest. */
const SHOWN = 5;

/**
 * The learner's own TypeScript files (not the course's read-only ones), checked in the editor's
 * environment; a JavaScript helper they added runs in the tests but has no types to check.
 */
export function typecheckLearner(exercise: Exercise, files: Files): TypeCheckOutcome {
  const typed = Object.fromEntries(Object.entries(files).filter(([path]) => /\.[cm]?ts$/.test(path)));
  const judged = Object.keys(typed).filter((path) => !exercise.readonly.includes(path));
  return { issues: typecheckFiles(typed, judged), files: typed };
}

/** Runs the check on the next turn of the event loop, so a test run started just before goes first. */
export const typecheckSoon = (exercise: Exercise, files: Files) =>
  new Promise<TypeCheckOutcome>((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(typecheckLearner(exercise, files));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );

/** `Type check: no type errors`, or the count and each error with its file:line:column and code. */
export function formatTypeCheck(
  outcome: TypeCheckOutcome,
  shownDir: string,
  style: LearnContext["style"],
): string[] {
  const { issues, files } = outcome;
  if (issues.length === 0) return [`${style("green", "✓")} Type check: no type errors`];
  const lines = [
    "",
    style(["bold", "red"], `✗ Type check: ${countTypeErrors(issues.length)}`),
    ...formatTypeIssues(issues.slice(0, SHOWN), files, { shown: (path) => `${shownDir}/${path}`, style }).map(
      (line) => `  ${line}`,
    ),
  ];
  if (issues.length > SHOWN) lines.push(`  … and ${issues.length - SHOWN} more`);
  return lines;
}

/** Why a run whose tests all pass does not finish the exercise. */
export function typeErrorsBlockDone(outcome: TypeCheckOutcome, style: LearnContext["style"]): string {
  return style(
    "yellow",
    `The tests pass, but the code has ${countTypeErrors(outcome.issues.length)}: the exercise is done once it type-checks too.`,
  );
}
