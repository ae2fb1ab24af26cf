// The suites an engine check runs: every exercise's hidden suite on its starter and on its solution,
// plus the engine fixtures. Arguments narrow it to the exercises whose slugs start with them.
import { listExerciseSlugs, loadExercise } from "../../src/lib/exercises/load";
import type { Files } from "../../src/lib/exercises/schema";
import { fixtures, type Fixture } from "../parity/fixtures";

export interface SuiteCase {
  /** The row label: exercise slug or fixture id. */
  label: string;
  variant: "starter" | "solution" | "fixture";
  files: Files;
  tests: Files;
  timeoutMs: number;
}

export const caseId = (test: SuiteCase) => `${test.label}--${test.variant}`;

/** `extraFixtures` run after the usual ones (parity adds the cases where results must tell the truth). */
export function suiteCases(
  only: string[],
  extraFixtures: readonly Fixture[] = [],
): { cases: SuiteCase[]; unreadable: string[] } {
  const unreadable: string[] = [];
  const exercises = listExerciseSlugs()
    .filter((slug) => only.length === 0 || only.some((prefix) => slug.startsWith(prefix)))
    .flatMap((slug) => {
      try {
        return [loadExercise(slug)];
      } catch (error) {
        // An exercise still being written is not the engine's problem: say so and check the rest.
        unreadable.push(`${slug}: ${error instanceof Error ? error.message : String(error)}`);
        return [];
      }
    });
  const cases: SuiteCase[] = [
    ...exercises.flatMap((exercise) =>
      (["starter", "solution"] as const).map((variant) => ({
        label: exercise.slug,
        variant,
        files: exercise[variant],
        tests: exercise.tests,
        timeoutMs: exercise.timeoutMs,
      })),
    ),
    ...[...fixtures, ...extraFixtures]
      .filter(() => only.length === 0)
      .map((fixture) => ({ label: fixture.id, variant: "fixture" as const, timeoutMs: 5000, ...fixture })),
  ];
  return { cases, unreadable };
}
