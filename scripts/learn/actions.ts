// The one-shot commands: list, hint, reset, run. Each prints for the learner and returns an exit code.
import { join } from "node:path";
import { carryInto, markStartedFrom } from "./carry";
import { PROGRESS_FILE, entryOf, statusOf } from "./progress";
import { findExercise, introduce, runAndReport, type Session } from "./session";
import { restoreStarter } from "./workspace";

const HINTS = 3;

function unknownExercise(session: Session, name: string | undefined, usage: string): number {
  const { ctx } = session;
  ctx.err(name ? `No exercise named "${name}".` : `Usage: ${usage}`);
  ctx.err(`Exercises: ${session.slugs.join(", ")}`);
  return 1;
}

export function list(session: Session): number {
  session.refresh();
  const { ctx, progress, slugs } = session;
  const done = slugs.filter((slug) => progress.exercises[slug]?.done).length;
  ctx.out(ctx.style("bold", `Build PocketFlow — ${done} of ${slugs.length} exercises done`));
  const width = Math.max(0, ...slugs.map((slug) => slug.length));
  for (const exercise of ctx.exercises) {
    const status = statusOf(progress, slugs, exercise.slug);
    const hints = progress.exercises[exercise.slug]?.hintsShown ?? 0;
    const mark = { done: ctx.style("green", "✓"), current: ctx.style("cyan", "▶"), "not started": " " }[
      status
    ];
    const label = status === "current" ? ctx.style(["bold", "cyan"], status.padEnd(11)) : status.padEnd(11);
    const hintNote = hints > 0 ? ctx.style("dim", `  (${hints}/${HINTS} hints)`) : "";
    ctx.out(`  ${mark} ${label}  ${exercise.slug.padEnd(width)}  ${exercise.meta.title}${hintNote}`);
  }
  ctx.out(
    `Your code: ${ctx.show(ctx.workspace)}/<exercise>/ · progress: ${ctx.show(join(ctx.workspace, PROGRESS_FILE))}`,
  );
  return 0;
}

/** Reveals the next rung of the hint ladder of the current exercise (or the one named). */
export function hint(session: Session, name?: string): number {
  const { ctx } = session;
  const exercise = name ? findExercise(session, name) : session.current();
  if (!exercise) {
    if (name) return unknownExercise(session, name, "npm run learn -- hint [exercise]");
    ctx.out("Every exercise is done: there is nothing left to hint.");
    return 0;
  }
  const hints = exercise.meta.hints;
  // The next rung is read inside the update: a hint shown meanwhile from another terminal counts.
  let rung = 0;
  session.update((progress) => {
    const entry = entryOf(progress, exercise.slug);
    rung = entry.hintsShown;
    if (rung < hints.length) entry.hintsShown = rung + 1;
  });
  if (rung >= hints.length) {
    ctx.out(`No hints left for ${exercise.slug}: all ${hints.length} are shown. Here they are again:`);
    hints.forEach((text, i) => ctx.out(`  ${i + 1}. ${text}`));
    return 0;
  }
  ctx.out(
    ctx.style("bold", `Hint ${rung + 1} of ${hints.length} for ${exercise.slug} (${exercise.meta.title}):`),
  );
  ctx.out(`  ${hints[rung]}`);
  if (rung + 1 < hints.length)
    ctx.out(ctx.style("dim", "  (`npm run learn -- hint` again for the next one)"));
  return 0;
}

/** Restores an exercise's starter files, only after the learner answers y. */
export async function reset(session: Session, name?: string): Promise<number> {
  const { ctx } = session;
  const exercise = name ? findExercise(session, name) : undefined;
  if (!exercise) return unknownExercise(session, name, "npm run learn -- reset <exercise>");
  const answer = await ctx.ask(`Restore the starter of ${exercise.slug}? Your code will be replaced. [y/N] `);
  if (!/^y(es)?$/i.test(answer.trim())) {
    ctx.out("Kept your code; nothing changed.");
    return 0;
  }
  const written = restoreStarter(ctx.workspace, exercise);
  ctx.out(`Restored the starter of ${exercise.slug}: ${written.map((path) => ctx.show(path)).join(", ")}`);
  if (exercise.carry) {
    markStartedFrom(session, exercise.slug, "reference");
    ctx.out(
      `To start it from your own ${exercise.carry.file} of ${exercise.carry.from} again: npm run learn -- carry ${exercise.slug}`,
    );
  }
  return 0;
}

/** Starts an exercise from the learner's file of the previous one (part 1), after asking. */
export async function carry(session: Session, name?: string): Promise<number> {
  const { ctx } = session;
  const exercise = name ? findExercise(session, name) : undefined;
  if (!exercise) return unknownExercise(session, name, "npm run learn -- carry <exercise>");
  const source = exercise.carry;
  if (!source) {
    ctx.err(`${exercise.slug} does not carry a file from an earlier exercise.`);
    return 1;
  }
  const answer = await ctx.ask(
    `Start ${exercise.slug}'s ${source.file} from your ${source.file} of ${source.from}? ` +
      `Your code in ${exercise.slug} will be replaced. [y/N] `,
  );
  if (!/^y(es)?$/i.test(answer.trim())) {
    ctx.out("Kept your code; nothing changed.");
    return 0;
  }
  if (!carryInto(session, exercise, { force: true })) {
    ctx.out(`Nothing to carry: your ${source.file} of ${source.from} is missing or still its starter.`);
    return 1;
  }
  return 0;
}

/** One run, for people and scripts: exit code 0 only when every test passes and the code type-checks. */
export async function run(session: Session, name?: string): Promise<number> {
  const { ctx } = session;
  const exercise = name ? findExercise(session, name) : session.current();
  if (!exercise) {
    if (name) return unknownExercise(session, name, "npm run learn -- run [exercise]");
    ctx.out("Every exercise is done. Run one again with: npm run learn -- run <exercise>");
    return 0;
  }
  if (!name) introduce(session, exercise);
  else carryInto(session, exercise);
  const result = await runAndReport(session, exercise, { signal: ctx.io.signal });
  if (result.cancelled) return 130; // Ctrl+C, as a shell reports it
  return result.passed ? 0 : 1;
}
