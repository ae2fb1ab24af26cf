// Export and import of all progress as one JSON file, so a learner can move between browsers.
// Import validates every record against the course and merges: it never loses a completion, a hint
// or newer code, and it writes all its records or none.
import {
  checkRecord,
  completedWith,
  type ExerciseProgress,
  type ProgressStore,
  type SaveFailure,
} from "./progress-store";
import { plural } from "../lib/words";

export const EXPORT_FORMAT = "build-pocketflow-progress";
export const EXPORT_VERSION = 1;

export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  exercises: ExerciseProgress[];
}

/** The course's exercises: each slug with the lesson it belongs to. */
export type CourseExercises = ReadonlyMap<string, string>;

export interface ImportReport {
  /** Slugs whose record was added or merged. */
  imported: string[];
  /** Of those, the ones that are complete after the merge. */
  completed: string[];
  /** Slugs whose code came from the file because it was newer than this browser's. */
  codeTaken: string[];
  /** Entries that were not valid records (or named another lesson than their exercise's). */
  skipped: number;
  /** Slugs of records for exercises this course does not have. */
  unknown: string[];
  /** Slugs whose record is dated later than now: it never wins over this browser's code. */
  future: string[];
}

/** Thrown with a sentence a learner can act on; nothing was written. */
export class ImportError extends Error {
  constructor(
    message: string,
    /** Set when the browser refused to store the import. */
    readonly failure?: SaveFailure,
  ) {
    super(message);
  }
}

/**
 * Every readable record, in a versioned file. `pending` records (a tab's code that could not be
 * saved) replace the stored ones of the same exercise, so exporting is the way out of a full storage.
 */
export function exportProgress(
  store: ProgressStore,
  now = new Date(),
  pending: ExerciseProgress[] = [],
): ProgressExport {
  const bySlug = new Map(store.loadAll().records.map((record) => [record.slug, record]));
  for (const record of pending) bySlug.set(record.slug, record);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    exercises: [...bySlug.keys()].sort().map((slug) => bySlug.get(slug) as ExerciseProgress),
  };
}

const earliest = (a?: string, b?: string) => (a && b ? (a < b ? a : b) : (a ?? b));
const notAfter = (time: string, now: string) => (time > now ? now : time);

/**
 * Merges an imported record into the local one: completion is kept if either has it (earliest
 * date; "own" if either passed with the learner's own code), hints take the larger count, and code
 * comes from whichever record was updated last. A time later than `now` (a wrong clock, an edited
 * file) counts as now, so it never beats code saved here.
 */
export function mergeProgress(
  local: ExerciseProgress | undefined,
  incoming: ExerciseProgress,
  now = new Date(),
): { merged: ExerciseProgress; codeTaken: boolean } {
  const today = now.toISOString();
  const arriving: ExerciseProgress = {
    ...incoming,
    updatedAt: notAfter(incoming.updatedAt, today),
    ...(incoming.completedAt && { completedAt: notAfter(incoming.completedAt, today) }),
  };
  if (!local) return { merged: arriving, codeTaken: arriving.files !== undefined };
  const incomingNewer = arriving.updatedAt > local.updatedAt && incoming.updatedAt <= today;
  const takeCode = arriving.files !== undefined && (local.files === undefined || incomingNewer);
  const merged: ExerciseProgress = {
    ...local,
    hintsRevealed: Math.max(local.hintsRevealed, arriving.hintsRevealed),
    updatedAt: incomingNewer ? arriving.updatedAt : local.updatedAt,
  };
  const completedAt = earliest(local.completedAt, arriving.completedAt);
  if (completedAt) {
    merged.completedAt = completedAt;
    if (local.completedWith || arriving.completedWith) {
      const ways = [completedWith(local), completedWith(arriving)];
      merged.completedWith = ways.includes("own") ? "own" : "solution";
    }
  }
  if (takeCode) merged.files = arriving.files;
  const beforeSolution = local.beforeSolution ?? arriving.beforeSolution;
  if (beforeSolution) merged.beforeSolution = beforeSolution;
  return { merged, codeTaken: takeCode };
}

function parseExport(text: string): unknown[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ImportError("That file is not JSON, so it is not a progress export from this course.");
  }
  const file = data as Partial<ProgressExport> | null;
  if (typeof file !== "object" || file === null || file.format !== EXPORT_FORMAT) {
    throw new ImportError("That file is not a progress export from this course.");
  }
  if (file.version !== EXPORT_VERSION) {
    throw new ImportError(
      `That progress file has format version ${String(file.version)}; this site reads version ${EXPORT_VERSION}.`,
    );
  }
  if (!Array.isArray(file.exercises)) {
    throw new ImportError(
      "That progress file has no list of exercises (its “exercises” is not a list), so it is damaged. Nothing was imported.",
    );
  }
  return file.exercises as unknown[];
}

/**
 * Parses an export file's text, validates every record against the course's exercises, merges them
 * into the store's and writes them all, or none (then it throws an ImportError).
 */
export function importProgress(
  store: ProgressStore,
  text: string,
  course: CourseExercises,
  now = new Date(),
): ImportReport {
  const entries = parseExport(text);
  const report: ImportReport = {
    imported: [],
    completed: [],
    codeTaken: [],
    skipped: 0,
    unknown: [],
    future: [],
  };
  const merged = new Map<string, ExerciseProgress>();
  const codeTaken = new Set<string>();
  for (const entry of entries) {
    const checked = checkRecord(entry);
    if (!checked.ok) {
      report.skipped += 1;
      continue;
    }
    const incoming = checked.record;
    const lesson = course.get(incoming.slug);
    if (lesson === undefined) {
      report.unknown.push(incoming.slug);
      continue;
    }
    if (incoming.lesson !== lesson) {
      report.skipped += 1;
      continue;
    }
    if (incoming.updatedAt > now.toISOString()) report.future.push(incoming.slug);
    const local = merged.get(incoming.slug) ?? store.load(incoming.slug).record;
    const result = mergeProgress(local, incoming, now);
    merged.set(incoming.slug, result.merged);
    if (result.codeTaken) codeTaken.add(incoming.slug);
  }
  const records = [...merged.values()];
  // saveAsIs, not save: keep the merged edit times, so later merges compare real ones.
  if (!store.saveAll(records)) {
    const failure = store.lastFailure ?? "refused";
    throw new ImportError(
      failure === "full"
        ? "This browser's storage for this site is too full to hold the import, so nothing was imported."
        : "This browser refused to save the imported progress, so nothing was imported.",
      failure,
    );
  }
  for (const record of records) {
    report.imported.push(record.slug);
    if (record.completedAt) report.completed.push(record.slug);
    if (codeTaken.has(record.slug)) report.codeTaken.push(record.slug);
  }
  return report;
}

/** "Imported progress for 3 exercises (2 complete): … Skipped 1 entry that was not valid." */
export function describeImport(report: ImportReport): string {
  const parts = [
    report.imported.length === 0
      ? "The file held no progress to import."
      : `Imported progress for ${plural(report.imported.length, "exercise", "exercises")} ` +
        `(${report.completed.length} complete): ${report.imported.join(", ")}.`,
  ];
  if (report.codeTaken.length > 0) {
    parts.push(`Code taken from the file, where it was newer: ${report.codeTaken.join(", ")}.`);
  }
  if (report.future.length > 0) {
    parts.push(
      `Dated in the future, so they never replaced code saved here: ${report.future.join(", ")} ` +
        "(is the other computer's clock wrong?).",
    );
  }
  if (report.unknown.length > 0) {
    parts.push(`Skipped exercises this course does not have: ${report.unknown.join(", ")}.`);
  }
  if (report.skipped > 0)
    parts.push(`Skipped ${plural(report.skipped, "entry that was", "entries that were")} not valid.`);
  return parts.join(" ");
}
