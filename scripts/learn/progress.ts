// workspace/progress.json: which exercises are done and how many hints were shown. Small, versioned,
// and never silently lost: a file this code cannot read is moved aside and reported, not replaced;
// and every change is a read-modify-write under a lock file, so two `learn` processes (a watch mode
// and a `hint` in another terminal, or two hints at once) never overwrite each other's update.
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { z } from "zod";

export const PROGRESS_VERSION = 1;
export const PROGRESS_FILE = "progress.json";
/** Exists while one process updates progress.json; holds that process's pid. */
export const PROGRESS_LOCK = "progress.json.lock";

// Loose objects: fields a later course version adds are kept when this version writes the file back.
const exerciseProgressSchema = z.looseObject({
  done: z.boolean().default(false),
  hintsShown: z.number().int().min(0).default(0),
});
const progressSchema = z.looseObject({
  version: z.literal(PROGRESS_VERSION),
  exercises: z.record(z.string(), exerciseProgressSchema),
});

export type ExerciseProgress = z.infer<typeof exerciseProgressSchema>;
export type Progress = z.infer<typeof progressSchema>;
export type Status = "done" | "current" | "not started";

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, exercises: {} });

/** The progress in `text`, or why it cannot be used, in words for the learner. */
function parseProgress(text: string): { problem: string } | { progress: Progress } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: `it is not valid JSON (${reason.replaceAll(/\s+/g, " ")})` };
  }
  const version =
    typeof data === "object" && data !== null ? (data as { version?: unknown }).version : undefined;
  if (version !== PROGRESS_VERSION) {
    return {
      problem: `its version is ${JSON.stringify(version)}, and this course reads version ${PROGRESS_VERSION}`,
    };
  }
  const parsed = progressSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      problem: `it does not have the expected shape (${issue?.path.join(".") ?? ""}: ${issue?.message ?? ""})`,
    };
  }
  return { progress: parsed.data };
}

/**
 * The progress on disk now, or undefined if it is missing or unreadable. For a long-running watch
 * mode, so that a `hint` or `run` from another terminal is not overwritten by its older copy.
 */
export function peekProgress(workspace: string): Progress | undefined {
  const file = join(workspace, PROGRESS_FILE);
  if (!existsSync(file)) return undefined;
  const result = parseProgress(readFileSync(file, "utf8"));
  return "progress" in result ? result.progress : undefined;
}

/** A free name beside the file: progress.corrupt-<timestamp>.json (with a counter if taken). */
function asideName(workspace: string, now: Date) {
  const stamp = now.toISOString().replaceAll(/[:.]/g, "-");
  for (let n = 0; ; n++) {
    const name = join(workspace, `progress.corrupt-${stamp}${n ? `-${n}` : ""}.json`);
    if (!existsSync(name)) return name;
  }
}

export interface ProgressNotice {
  file: string;
  movedTo: string;
  problem: string;
}

/**
 * Reads the progress; a missing file is a fresh start. An unreadable one is renamed aside (so nothing
 * the learner had is lost) and described in the returned notice; the caller tells the learner.
 */
export function readProgress(
  workspace: string,
  now = new Date(),
): { progress: Progress; notice?: ProgressNotice } {
  const file = join(workspace, PROGRESS_FILE);
  if (!existsSync(file)) return { progress: emptyProgress() };
  const result = parseProgress(readFileSync(file, "utf8"));
  if ("progress" in result) return { progress: result.progress };
  const movedTo = asideName(workspace, now);
  renameSync(file, movedTo);
  return { progress: emptyProgress(), notice: { file, movedTo, problem: result.problem } };
}

/**
 * Saves the progress with an entry for every known exercise (entries of unknown slugs stay), when it
 * changed; through a temporary file and a rename, so a crash never leaves half a file behind.
 * Call it through `updateProgress`, which holds the lock.
 */
export function writeProgress(workspace: string, progress: Progress, slugs: string[]) {
  for (const slug of slugs) progress.exercises[slug] ??= { done: false, hintsShown: 0 };
  const file = join(workspace, PROGRESS_FILE);
  const text = `${JSON.stringify(progress, null, 2)}\n`;
  if (existsSync(file) && readFileSync(file, "utf8") === text) return;
  mkdirSync(workspace, { recursive: true });
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/**
 * Reads the progress on disk now (moving an unreadable file aside, as readProgress does), applies
 * `change`, and writes it, all while holding the lock. The change must be relative to what it is
 * given (`hintsShown += 1`), never to an earlier copy: that is what keeps concurrent updates.
 */
export function updateProgress(
  workspace: string,
  slugs: string[],
  change: (progress: Progress) => void,
  now = new Date(),
): { progress: Progress; notice?: ProgressNotice } {
  return withLock(workspace, () => {
    const read = readProgress(workspace, now);
    change(read.progress);
    writeProgress(workspace, read.progress, slugs);
    return read;
  });
}

/** Updates take milliseconds; a lock older than this was left by a process that hung or died. */
const STALE_LOCK_MS = 30_000;
const GIVE_UP_MS = 10_000;

function withLock<T>(workspace: string, work: () => T): T {
  mkdirSync(workspace, { recursive: true });
  const lock = join(workspace, PROGRESS_LOCK);
  const started = Date.now();
  for (;;) {
    try {
      const fd = openSync(lock, "wx"); // fails if the file exists: creating it is taking the lock
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (isStale(lock)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() - started > GIVE_UP_MS) {
        throw new Error(
          `${lock} has been held for over ${GIVE_UP_MS / 1000} s by another learn process. ` +
            "If no other `npm run learn` is running, delete that file and try again.",
          { cause: error },
        );
      }
      sleep(5 + Math.random() * 10);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Left by a process that is gone, or held for far longer than any update takes. */
function isStale(lock: string): boolean {
  try {
    if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) return true;
    const pid = Number(readFileSync(lock, "utf8"));
    if (!Number.isInteger(pid) || pid <= 0) return false; // being written this very moment
    process.kill(pid, 0); // throws if no such process
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ESRCH"; // ENOENT: released meanwhile, just try again; EPERM: alive, not ours
  }
}

/** Blocks this thread for `ms` (the progress API is synchronous, and waits are a few milliseconds). */
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export const entryOf = (progress: Progress, slug: string): ExerciseProgress =>
  (progress.exercises[slug] ??= { done: false, hintsShown: 0 });

/** The exercise to work on: the first one, in course order, that is not done. */
export function currentSlug(progress: Progress, slugs: string[]): string | undefined {
  return slugs.find((slug) => !progress.exercises[slug]?.done);
}

export function statusOf(progress: Progress, slugs: string[], slug: string): Status {
  if (progress.exercises[slug]?.done) return "done";
  return currentSlug(progress, slugs) === slug ? "current" : "not started";
}
