// One invocation's view of the course: the workspace set up, the progress read, and the shared step
// "run an exercise, print the result, mark it done on a full pass" used by `run` and watch mode.
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Exercise } from "../../src/lib/exercises/schema";
import type { LearnContext } from "./context";
import { carryInto } from "./carry";
import { formatResult } from "./format";
import {
  currentSlug,
  entryOf,
  peekProgress,
  updateProgress,
  type Progress,
  type ProgressNotice,
} from "./progress";
import { runSuite, type SuiteResult } from "./suite";
import { formatTypeCheck, typecheckSoon, typeErrorsBlockDone } from "./typecheck";
import { copyMissingStarters, exerciseDir, learnerFiles } from "./workspace";

export interface Session {
  ctx: LearnContext;
  progress: Progress;
  slugs: string[];
  /** Re-reads progress.json: another terminal may have changed it while watch mode ran. */
  refresh(): void;
  /**
   * Applies `change` to the progress on disk now and writes it (only if anything changed), under a
   * lock shared with other learn processes; `change` must be relative to what it is given.
   */
  update(change: (progress: Progress) => void): void;
  current(): Exercise | undefined;
}

/** Sets up the workspace (starters never overwrite the learner's files) and reads the progress. */
export function openSession(ctx: LearnContext): Session {
  const fresh = !existsSync(ctx.workspace);
  const copied = copyMissingStarters(ctx.workspace, ctx.exercises);
  if (fresh && copied.length > 0) {
    ctx.out(
      `Created your workspace in ${ctx.show(ctx.workspace)}/ with the starter files of every exercise.`,
    );
  } else if (copied.length > 0) {
    ctx.out(`Copied starter files into ${ctx.show(ctx.workspace)}/ for: ${copied.join(", ")}`);
  }
  const slugs = ctx.exercises.map((exercise) => exercise.slug);
  // Under the lock: another learn process may be writing progress.json right now.
  const update = (change: (progress: Progress) => void) => {
    const { progress, notice } = updateProgress(ctx.workspace, slugs, change);
    if (notice) reportUnreadable(ctx, notice);
    return progress;
  };
  const session: Session = {
    ctx,
    progress: update(() => undefined), // creates the file on the first run
    slugs,
    refresh() {
      session.progress = peekProgress(ctx.workspace) ?? session.progress;
    },
    update(change) {
      session.progress = update(change);
    },
    current() {
      const slug = currentSlug(session.progress, slugs);
      return ctx.exercises.find((exercise) => exercise.slug === slug);
    },
  };
  return session;
}

function reportUnreadable(ctx: LearnContext, notice: ProgressNotice) {
  ctx.err(ctx.style(["bold", "yellow"], `⚠ ${ctx.show(notice.file)} could not be read: ${notice.problem}.`));
  ctx.err(`  It was moved to ${ctx.show(notice.movedTo)}, and your progress starts afresh.`);
  ctx.err(`  Your code in ${ctx.show(ctx.workspace)}/ is untouched.`);
  ctx.err("  `npm run learn -- run <exercise>` marks an exercise you had finished done again.");
}

/** An exercise by its slug or an unambiguous start of it (`run 10`). */
export function findExercise(session: Session, name: string): Exercise | undefined {
  const { exercises } = session.ctx;
  const exact = exercises.find((exercise) => exercise.slug === name);
  if (exact) return exact;
  const matches = exercises.filter((exercise) => exercise.slug.startsWith(name));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Where the learner edits an exercise: the paths of the files it asks them to change. */
export function whereToEdit(session: Session, exercise: Exercise): string {
  const dir = exerciseDir(session.ctx.workspace, exercise.slug);
  return exercise.meta.files.map((file) => session.ctx.show(join(dir, file))).join(", ");
}

export function introduce(session: Session, exercise: Exercise, label = "Now") {
  const { ctx } = session;
  const position = `${session.slugs.indexOf(exercise.slug) + 1} of ${session.slugs.length}`;
  ctx.out(
    ctx.style("bold", `${label}: ${exercise.slug} — ${exercise.meta.title}`) +
      ctx.style("dim", ` (${position})`),
  );
  carryInto(session, exercise);
  ctx.out(`  Edit ${whereToEdit(session, exercise)}`);
}

/** A run's result; `passed` means done: every test passes and the learner's files type-check. */
export interface RunResult extends SuiteResult {
  passed: boolean;
}

/**
 * Runs the exercise's hidden suite on the learner's files, type-checks them alongside, and prints
 * the compact result; a full pass that type-checks marks the exercise done. A cancelled run (a newer
 * save arrived) prints nothing.
 */
export async function runAndReport(
  session: Session,
  exercise: Exercise,
  { signal, beforeReport }: { signal?: AbortSignal; beforeReport?: () => void } = {},
): Promise<RunResult> {
  const { ctx } = session;
  const files = learnerFiles(ctx.workspace, exercise);
  const learnerDir = exerciseDir(ctx.workspace, exercise.slug);
  const suite = runSuite(exercise, files, {
    cacheDir: ctx.cacheDir,
    learnerDir,
    show: (path) => ctx.show(path),
    signal,
    limitMs: ctx.runLimitMs,
  });
  const types = await typecheckSoon(exercise, files);
  const result = await suite;
  const passed = result.status === "pass" && types.issues.length === 0;
  if (result.cancelled) return { ...result, passed: false };
  beforeReport?.();
  for (const line of formatResult(exercise, result, ctx.style)) ctx.out(line);
  for (const line of formatTypeCheck(types, ctx.show(learnerDir), ctx.style)) ctx.out(line);
  if (result.status === "pass" && !passed) ctx.out(typeErrorsBlockDone(types, ctx.style));
  if (passed) {
    const before = session.current();
    session.update((progress) => (entryOf(progress, exercise.slug).done = true));
    ctx.out("");
    ctx.out(ctx.style(["bold", "green"], `✔ ${exercise.slug} is done. Progress saved.`));
    const next = session.current();
    if (next && next !== before) introduce(session, next, "Next");
    if (!next) ctx.out(ctx.style("bold", "🎉 Every exercise is done: you have built PocketFlow."));
  }
  return { ...result, passed };
}
