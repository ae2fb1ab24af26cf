// Export and import of all progress as one JSON file, so a learner can move between browsers.
// Import validates every record and merges: it never loses a completion, a hint or newer code.
import { checkRecord, type ExerciseProgress, type ProgressStore } from "./progress-store";

export const EXPORT_FORMAT = "build-pocketflow-progress";
export const EXPORT_VERSION = 1;

export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  exercises: ExerciseProgress[];
}

export interface ImportReport {
  /** Slugs whose record was added or merged. */
  imported: string[];
  /** Of those, the ones that are complete after the merge. */
  completed: string[];
  /** Slugs whose code came from the file because it was newer than this browser's. */
  codeTaken: string[];
  /** Entries that were not valid records. */
  skipped: number;
}

/** Thrown with a sentence a learner can act on. */
export class ImportError extends Error {}

export function exportProgress(store: ProgressStore, now = new Date()): ProgressExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    exercises: store.loadAll().records,
  };
}

const earliest = (a?: string, b?: string) => (a && b ? (a < b ? a : b) : (a ?? b));

/**
 * Merges an imported record into the local one: completion is kept if either has it (earliest
 * date), hints take the larger count, and code comes from whichever record was updated last.
 */
export function mergeProgress(
  local: ExerciseProgress | undefined,
  incoming: ExerciseProgress,
): { merged: ExerciseProgress; codeTaken: boolean } {
  if (!local) return { merged: incoming, codeTaken: incoming.files !== undefined };
  const incomingNewer = incoming.updatedAt > local.updatedAt;
  const takeCode = incoming.files !== undefined && (local.files === undefined || incomingNewer);
  const merged: ExerciseProgress = {
    ...local,
    hintsRevealed: Math.max(local.hintsRevealed, incoming.hintsRevealed),
    updatedAt: incomingNewer ? incoming.updatedAt : local.updatedAt,
  };
  const completedAt = earliest(local.completedAt, incoming.completedAt);
  if (completedAt) merged.completedAt = completedAt;
  if (takeCode) merged.files = incoming.files;
  const beforeSolution = local.beforeSolution ?? incoming.beforeSolution;
  if (beforeSolution) merged.beforeSolution = beforeSolution;
  return { merged, codeTaken: takeCode };
}

/** Parses an export file's text, validates it and merges every valid record into the store. */
export function importProgress(store: ProgressStore, text: string): ImportReport {
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
  if (file.version !== EXPORT_VERSION || !Array.isArray(file.exercises)) {
    throw new ImportError(
      `That progress file has format version ${String(file.version)}; this site reads version ${EXPORT_VERSION}.`,
    );
  }
  const report: ImportReport = { imported: [], completed: [], codeTaken: [], skipped: 0 };
  for (const entry of file.exercises as unknown[]) {
    const checked = checkRecord(entry);
    if (!checked.ok) {
      report.skipped += 1;
      continue;
    }
    const incoming = checked.record;
    const { merged, codeTaken } = mergeProgress(store.load(incoming.slug).record, incoming);
    // save() stamps updatedAt with now; keep the merged one so later merges compare real edit times.
    if (!store.saveAsIs(merged)) throw new ImportError("This browser refused to save the progress.");
    report.imported.push(merged.slug);
    if (merged.completedAt) report.completed.push(merged.slug);
    if (codeTaken) report.codeTaken.push(merged.slug);
  }
  return report;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "Imported progress for 3 exercises (2 complete). Skipped 1 entry that was not valid." */
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
  if (report.skipped > 0)
    parts.push(`Skipped ${plural(report.skipped, "entry that was", "entries that were")} not valid.`);
  return parts.join(" ");
}
