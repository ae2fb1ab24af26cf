// A learner's progress, one localStorage record per exercise, so a damaged record costs only itself.
// Records carry a schema version; one this code cannot read is moved aside (never deleted) and
// reported, and the exercise starts fresh. Storage is injected so tests use an in-memory one.
import { isQuotaError } from "./browser-storage";
import {
  checkRecord,
  emptyProgress,
  withoutCode,
  type ExerciseProgress,
  type SetAsideReason,
} from "./progress-record";
import { isSetAsideKey, recordKey, setAsideKey, slugOfKey, STORAGE_PREFIX } from "./storage-keys";

export { browserStorage, MemoryStorage } from "./browser-storage";
export * from "./progress-record";
export { recordKey } from "./storage-keys";

/** A record that could not be read and was moved to `key` (undefined if even that failed). */
export interface SetAside {
  slug: string;
  reason: SetAsideReason;
  key: string | undefined;
}

/** Why a write failed: no room, the browser refused, or the record's unreadable original is in the way. */
export type SaveFailure = "full" | "refused" | "blocked";

/** Characters the course's records, its set-aside records, and everything else of this site take. */
export interface StorageUsage {
  records: number;
  setAside: number;
  other: number;
}

export class ProgressStore {
  /** Slugs whose unreadable record could not be moved aside: never overwrite it. */
  private readonly blocked = new Set<string>();
  /** Why the last write failed; undefined once a write works. */
  lastFailure: SaveFailure | undefined;

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
    const slugs = this.keys().flatMap((key) => slugOfKey(key) ?? []);
    const records: ExerciseProgress[] = [];
    const setAside: SetAside[] = [];
    for (const slug of slugs.sort()) {
      const result = this.load(slug);
      if (result.record) records.push(result.record);
      if (result.setAside) setAside.push(result.setAside);
    }
    return { records, setAside };
  }

  /** Writes the record with a fresh updatedAt; false if the browser refused (see lastFailure). */
  save(record: ExerciseProgress): boolean {
    return this.saveAsIs({ ...record, updatedAt: this.now().toISOString() });
  }

  /** Writes the record exactly as given (import keeps the edit times it merged). */
  saveAsIs(record: ExerciseProgress): boolean {
    if (this.blocked.has(record.slug)) {
      this.lastFailure = "blocked";
      return false;
    }
    return this.write(recordKey(record.slug), JSON.stringify(record));
  }

  /**
   * Writes every record as given, or none: when the browser refuses one, those already written are
   * put back as they were (a smaller or removed value always fits), and it returns false.
   */
  saveAll(records: ExerciseProgress[]): boolean {
    const written: { key: string; before: string | null }[] = [];
    for (const record of records) {
      const key = recordKey(record.slug);
      const before = this.read(key);
      if (!this.saveAsIs(record)) {
        for (const { key: done, before: value } of written.reverse()) this.restore(done, value);
        return false;
      }
      written.push({ key, before });
    }
    return true;
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
    return this.update(slug, lesson, withoutCode);
  }

  /** Keys of the records set aside so far, oldest first. */
  setAsideKeys(): string[] {
    return this.keys().filter(isSetAsideKey).sort();
  }

  /** The set-aside records' text by key, e.g. to download before removing them. */
  setAsideTexts(keys = this.setAsideKeys()): Record<string, string> {
    return Object.fromEntries(keys.flatMap((key) => [[key, this.read(key) ?? ""]]));
  }

  /** Deletes set-aside records (the learner downloaded them first) to make room. */
  removeSetAside(keys = this.setAsideKeys()): void {
    for (const key of keys.filter(isSetAsideKey)) this.storage.removeItem(key);
  }

  usage(): StorageUsage {
    const usage: StorageUsage = { records: 0, setAside: 0, other: 0 };
    for (const key of this.keys()) {
      const size = key.length + (this.read(key)?.length ?? 0);
      if (isSetAsideKey(key)) usage.setAside += size;
      else if (key.startsWith(`${STORAGE_PREFIX}:`)) usage.records += size;
      else usage.other += size;
    }
    return usage;
  }

  private keys(): string[] {
    const keys: string[] = [];
    try {
      for (let i = 0; i < this.storage.length; i++) keys.push(this.storage.key(i) ?? "");
    } catch {
      // storage that went away: nothing to list
    }
    return keys;
  }

  private read(key: string): string | null {
    try {
      return this.storage.getItem(key);
    } catch {
      return null;
    }
  }

  private write(key: string, value: string): boolean {
    try {
      this.storage.setItem(key, value);
      this.lastFailure = undefined;
      return true;
    } catch (error) {
      this.lastFailure = isQuotaError(error) ? "full" : "refused";
      return false;
    }
  }

  /** Puts a key back as it was; each step returns to a state that fitted before, so it fits again. */
  private restore(key: string, value: string | null): void {
    try {
      if (value === null) this.storage.removeItem(key);
      else this.storage.setItem(key, value);
    } catch {
      // another tab took the room meanwhile: the newer value stays, which is still a valid record
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
