// A learner's progress, one localStorage record per exercise, so a damaged record costs only itself.
// Records carry a schema version; one this code cannot read is moved aside (never deleted) and
// reported, and the exercise starts fresh. Storage is injected so tests use an in-memory one.
import { recordKey, setAsideKey, slugOfKey, STORAGE_PREFIX } from "./storage-keys";
import type { Files } from "./types";

export { recordKey } from "./storage-keys";
export const RECORD_VERSION = 1;
export const MAX_HINTS = 3;

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
  /** Whose code passed: the learner's own, or the revealed solution; absent in older records means own. */
  completedWith?: "own" | "solution";
  /** The learner's code from just before they showed the solution, so it can be restored. */
  beforeSolution?: Files;
  updatedAt: string;
}

export type SetAsideReason = "damaged" | "old-format" | "newer-format";

/** A record that could not be read and was moved to `key` (undefined if even that failed). */
export interface SetAside {
  slug: string;
  reason: SetAsideReason;
  key: string | undefined;
}

type Checked = { ok: true; record: ExerciseProgress } | { ok: false; reason: SetAsideReason };

const isFiles = (value: unknown): value is Files =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((text) => typeof text === "string");

const isOptional = <T>(value: unknown, check: (v: unknown) => v is T) => value === undefined || check(value);
const isString = (value: unknown): value is string => typeof value === "string";

/** Validates a parsed record by hand: the page-load loader must stay small, so no schema library. */
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
    isOptional(record.completedAt, isString) &&
    (record.completedWith === undefined ||
      record.completedWith === "own" ||
      record.completedWith === "solution") &&
    isString(record.updatedAt);
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

export class ProgressStore {
  /** Slugs whose unreadable record could not be moved aside: never overwrite it. */
  private readonly blocked = new Set<string>();

  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The exercise's record, or undefined; an unreadable one is set aside and reported. */
  load(slug: string): { record?: ExerciseProgress; setAside?: SetAside } {
    const raw = this.read(recordKey(slug));
    if (raw === null) return {};
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { setAside: this.setAside(slug, raw, "damaged") };
    }
    const checked = checkRecord(parsed, slug);
    if (checked.ok) return { record: checked.record };
    return { setAside: this.setAside(slug, raw, checked.reason) };
  }

  /** Every readable record; unreadable ones are set aside and listed. */
  loadAll(): { records: ExerciseProgress[]; setAside: SetAside[] } {
    const slugs: string[] = [];
    for (let i = 0; i < this.storage.length; i++) {
      const slug = slugOfKey(this.storage.key(i) ?? "");
      if (slug !== undefined) slugs.push(slug);
    }
    const records: ExerciseProgress[] = [];
    const setAside: SetAside[] = [];
    for (const slug of slugs.sort()) {
      const result = this.load(slug);
      if (result.record) records.push(result.record);
      if (result.setAside) setAside.push(result.setAside);
    }
    return { records, setAside };
  }

  /** Writes the record with a fresh updatedAt; false if the browser refused (quota, privacy mode). */
  save(record: ExerciseProgress): boolean {
    return this.saveAsIs({ ...record, updatedAt: this.now().toISOString() });
  }

  /** Writes the record exactly as given (import keeps the edit times it merged). */
  saveAsIs(record: ExerciseProgress): boolean {
    if (this.blocked.has(record.slug)) return false;
    try {
      this.storage.setItem(recordKey(record.slug), JSON.stringify(record));
      return true;
    } catch {
      return false;
    }
  }

  /** Loads (or creates) the record, applies `change` and saves it; returns the new record. */
  update(
    slug: string,
    lesson: string,
    change: (record: ExerciseProgress) => ExerciseProgress,
  ): ExerciseProgress {
    const current = this.load(slug).record ?? emptyProgress(slug, lesson, this.now());
    const next = change(current);
    this.save(next);
    return next;
  }

  /** Reset: forgets the learner's code (and the pre-solution copy); hints and completion stay. */
  clearCode(slug: string, lesson: string): ExerciseProgress {
    return this.update(slug, lesson, ({ files: _files, beforeSolution: _before, ...rest }) => rest);
  }

  private read(key: string): string | null {
    try {
      return this.storage.getItem(key);
    } catch {
      return null;
    }
  }

  private setAside(slug: string, raw: string, reason: SetAsideReason): SetAside {
    const key = setAsideKey(slug, this.now());
    try {
      this.storage.setItem(key, raw);
      this.storage.removeItem(recordKey(slug));
      return { slug, reason, key };
    } catch {
      this.blocked.add(slug);
      return { slug, reason, key: undefined };
    }
  }
}

/** A Storage kept in memory, for tests and for browsers that refuse localStorage. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

/** The page's localStorage, or an in-memory stand-in (persistent: false) when it is blocked. */
export function browserStorage(): { storage: Storage; persistent: boolean } {
  try {
    const storage = window.localStorage;
    const probe = `${STORAGE_PREFIX}:probe`;
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return { storage, persistent: true };
  } catch {
    return { storage: new MemoryStorage(), persistent: false };
  }
}

/** The sentence shown when a record was set aside. */
export function describeSetAside(notice: SetAside): string {
  const why =
    notice.reason === "damaged"
      ? "it is damaged"
      : notice.reason === "old-format"
        ? "it was saved by an older version of the course"
        : "it was saved by a newer version of the course";
  const where = notice.key
    ? `The old record is kept in this browser's storage under “${notice.key}”.`
    : "The old record is left as it was, and new progress for this exercise is not saved until there is room.";
  return `Your saved progress for ${notice.slug} could not be read (${why}), so it starts fresh. ${where}`;
}
