// One exercise's saved progress: its shape, its check, and the pure changes made to it. Validated
// by hand: the page-load loader and the home page must stay small, so no schema library.
import type { Files } from "./types";

/**
 * The record's schema version. Fields added later are optional and old records without them stay
 * version 1 (so a page still cached from an older deploy reads new records too); only a change that
 * older code would misread bumps it, with a migration here, never by setting valid records aside.
 */
export const RECORD_VERSION = 1;
export const MAX_HINTS = 3;

/** How a lesson was completed: by the learner's own code, or by running the revealed solution. */
export type CompletedWith = "own" | "solution";

/** Version 1 of the saved progress of one exercise. */
export interface ExerciseProgress {
  version: typeof RECORD_VERSION;
  slug: string;
  lesson: string;
  /** The learner's editable files as last typed; absent until they edit (so starter updates show). */
  files?: Files;
  /** How many rungs of the hint ladder are open, 0–3. */
  hintsRevealed: number;
  /** When the suite first passed; present means the lesson is complete. */
  completedAt?: string;
  /** With completedAt: what passed. Absent in records saved before it existed, which read as "own". */
  completedWith?: CompletedWith;
  /** The learner's code from just before they showed the solution, so it can be restored. */
  beforeSolution?: Files;
  updatedAt: string;
}

export type SetAsideReason = "damaged" | "old-format" | "newer-format";

export type Checked = { ok: true; record: ExerciseProgress } | { ok: false; reason: SetAsideReason };

export const isFiles = (value: unknown): value is Files =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((text) => typeof text === "string");

const isOptional = <T>(value: unknown, check: (v: unknown) => v is T) => value === undefined || check(value);
const isString = (value: unknown): value is string => typeof value === "string";
/** A time as the store writes it: an ISO string that parses as a date. */
export const isTime = (value: unknown): value is string =>
  typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value));
const isCompletedWith = (value: unknown): value is CompletedWith => value === "own" || value === "solution";

/** Checks a parsed record: its version, and every field's type (times must be dates). */
export function checkRecord(value: unknown, slug?: string): Checked {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: "damaged" };
  }
  const record = value as Record<string, unknown>;
  if (typeof record.version !== "number") return { ok: false, reason: "old-format" };
  if (record.version < RECORD_VERSION) return { ok: false, reason: "old-format" };
  if (record.version > RECORD_VERSION) return { ok: false, reason: "newer-format" };
  const hints = record.hintsRevealed;
  const valid =
    isString(record.slug) &&
    (slug === undefined || record.slug === slug) &&
    isString(record.lesson) &&
    typeof hints === "number" &&
    Number.isInteger(hints) &&
    hints >= 0 &&
    hints <= MAX_HINTS &&
    isOptional(record.files, isFiles) &&
    isOptional(record.beforeSolution, isFiles) &&
    isOptional(record.completedAt, isTime) &&
    isOptional(record.completedWith, isCompletedWith) &&
    isTime(record.updatedAt);
  return valid
    ? { ok: true, record: record as unknown as ExerciseProgress }
    : { ok: false, reason: "damaged" };
}

/** A fresh record for an exercise nobody has touched. */
export const emptyProgress = (slug: string, lesson: string, now: Date): ExerciseProgress => ({
  version: RECORD_VERSION,
  slug,
  lesson,
  hintsRevealed: 0,
  updatedAt: now.toISOString(),
});

/** How the lesson was completed, or undefined while it is not; old records read as "own". */
export const completedWith = (record: ExerciseProgress | undefined): CompletedWith | undefined =>
  record?.completedAt ? (record.completedWith ?? "own") : undefined;

/** Reset: forgets the learner's code and the pre-solution copy; hints and completion stay. */
export const withoutCode = ({
  files: _files,
  beforeSolution: _before,
  ...rest
}: ExerciseProgress): ExerciseProgress => rest;

/** Whether two sets of files hold the same text (undefined: no saved files). */
export function sameFiles(a: Files | undefined, b: Files | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
