// The terminal's carry-forward (part 1): when the learner reaches an exercise whose file grows from
// the previous one, their file of the previous exercise is spliced with this exercise's TODOs
// (src/lib/exercises/carry-forward.ts, the same splice as the browser's). It happens once per
// exercise, and only to a file still exactly as the starter left it; `reset` goes back to the
// reference starter and `carry` brings the learner's code in again.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { carryForward } from "../../src/lib/exercises/carry-forward";
import type { Exercise } from "../../src/lib/exercises/schema";
import { entryOf } from "./progress";
import type { Session } from "./session";
import { exerciseDir } from "./workspace";

type StartedFrom = "carried" | "reference";

/** progress.json entries are loose objects: this field records what the exercise started from. */
const startedFrom = (session: Session, slug: string) =>
  (entryOf(session.progress, slug) as { startedFrom?: StartedFrom }).startedFrom;

export function markStartedFrom(session: Session, slug: string, from: StartedFrom): void {
  session.update((progress) => Object.assign(entryOf(progress, slug), { startedFrom: from }));
}

const describeReplaced = (regions: string[]) =>
  regions.map((name) => (name === "" ? "lines outside the regions" : `region ${name}`)).join(", ");

/**
 * Carries the learner's file of the previous exercise into `exercise` when that has not happened
 * yet and the file is untouched. `force` (the `carry` command) carries even when the previous
 * exercise does not pass, and over the learner's own edits. Returns true when it wrote the file.
 */
export function carryInto(session: Session, exercise: Exercise, { force = false } = {}): boolean {
  const { ctx } = session;
  const carry = exercise.carry;
  if (!carry || (!force && startedFrom(session, exercise.slug))) return false;
  const target = join(exerciseDir(ctx.workspace, exercise.slug), carry.file);
  const source = join(exerciseDir(ctx.workspace, carry.from), carry.file);
  const starter = exercise.starter[carry.file] ?? "";
  if (!existsSync(source)) return false;
  const learner = readFileSync(source, "utf8");
  // Their file of the previous exercise is still its starter: nothing of theirs to carry.
  if (learner === carry.previousStarter) return false;
  if (!force && existsSync(target) && readFileSync(target, "utf8") !== starter) return false;
  const shown = ctx.show(target);
  const fromFile = ctx.show(source);

  if (!force && !entryOf(session.progress, carry.from).done) {
    markStartedFrom(session, exercise.slug, "reference");
    ctx.out(
      ctx.style(
        "yellow",
        `  ${carry.from} does not pass yet, so ${shown} starts from the reference starter.`,
      ),
    );
    ctx.out(`  To start it from your own ${fromFile} anyway: npm run learn -- carry ${exercise.slug}`);
    return false;
  }
  const result = carryForward({
    learner,
    previousStarter: carry.previousStarter,
    previousSolution: carry.previousSolution,
    nextStarter: starter,
  });
  if (!result.ok) {
    markStartedFrom(session, exercise.slug, "reference");
    ctx.out(ctx.style("yellow", `  Your ${fromFile} could not be carried over exactly: ${result.problem}.`));
    ctx.out(`  ${shown} starts from the reference starter; your code of ${carry.from} is unchanged.`);
    return false;
  }
  writeFileSync(target, result.text);
  markStartedFrom(session, exercise.slug, "carried");
  ctx.out(`  ${shown} starts from your ${fromFile}, with this exercise's TODOs added.`);
  if (result.replaced.length > 0) {
    ctx.out(
      `  This exercise changes ${describeReplaced(result.replaced)}: there the reference code stands in ` +
        `for your changes (still in ${fromFile}).`,
    );
  }
  ctx.out(ctx.style("dim", `  (The reference starter instead: npm run learn -- reset ${exercise.slug})`));
  return true;
}
