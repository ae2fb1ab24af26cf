// One exercise's saved record, kept in step with the other tabs that have it open, and saved so that
// no tab ever overwrites code another tab saved without asking.
//
// The tab remembers the code it last saw in storage (`known`). Before each autosave it compares that
// with what is stored now: if another tab saved other code meanwhile, nothing is written and the
// learner chooses. The `storage` event (fired in every other tab of the site when localStorage
// changes) brings that forward: a tab with no edits of its own simply takes the other tab's code;
// one with edits asks. Coming back to a tab re-checks too, in case an event was missed.
// A write the browser refuses (a full storage) keeps the code in the tab, says how to make room,
// and is tried again when room appears; leaving the page then asks first.
// Pure over the store and a view; the notices' DOM is in sync-notices.ts.
import { mergeProgress } from "./progress-transfer";
import {
  emptyProgress,
  sameFiles,
  type ExerciseProgress,
  type ProgressStore,
  type SaveFailure,
} from "./progress-store";
import { recordKey } from "./storage-keys";
import type { Files } from "./types";

export type StorageProblem = "full" | "refused";

/** The learner's two answers when another tab saved other code. */
export interface CodeChoice {
  useOther(): void;
  keepMine(): void;
}

/** What the sync needs from the workspace around it. */
export interface SyncView {
  /** The learner's files as the editor holds them now. */
  editorFiles(): Files;
  /** Puts whole files into the editor (the workspace's change, not the learner's: no save follows). */
  showFiles(files: Files): void;
  /** The stored record changed elsewhere: show its hints, completion and solution copy. */
  showRecord(record: ExerciseProgress | undefined): void;
  /** Asks which code to keep (undefined: the question is settled, remove it). */
  askWhichCode(choice: CodeChoice | undefined): void;
  /** Says the editor took another tab's code (false: stop saying it). */
  showUpdated(shown: boolean): void;
  /** Says that saving fails and how to make room (undefined: saving works again). */
  showStorageProblem(problem: StorageProblem | undefined): void;
  /** Tells screen readers (an aria-live region). */
  announce(text: string): void;
}

export interface SyncedExercise {
  slug: string;
  lesson: string;
  /** The learner's editable files. */
  files: string[];
  starter: Files;
}

export const SYNC_ANNOUNCE = {
  tookOther: "The editor now holds the code from the other tab.",
  keptMine: "This tab's code is saved, replacing the other tab's.",
  savedAgain: "There is room again: your progress is saved.",
};

/** The storage event's fields the sync reads (a StorageEvent in the page). */
export interface StorageChange {
  key: string | null;
  newValue: string | null;
}

export class ExerciseSync {
  /** The record as last read or written. */
  record: ExerciseProgress | undefined;
  /** The files in storage as this tab last saw them (undefined: none saved, the starter shows). */
  private known: Files | undefined;
  private asking = false;
  /** The last record this tab could not write, and why. */
  private unsaved: { record: ExerciseProgress; failure: SaveFailure } | undefined;

  constructor(
    private readonly store: ProgressStore,
    private readonly exercise: SyncedExercise,
    private readonly view: SyncView,
    record: ExerciseProgress | undefined,
  ) {
    this.record = record;
    this.known = record?.files;
  }

  /** Whether the tab holds code that is not in storage and cannot get there without the learner. */
  get needsAttention(): boolean {
    return this.asking || (this.unsaved !== undefined && this.dirty());
  }

  /** This tab's record with the editor's code, for an export that must include what could not be saved. */
  pending(): ExerciseProgress[] {
    const base = this.record ?? emptyProgress(this.exercise.slug, this.exercise.lesson, new Date());
    return [{ ...base, files: this.view.editorFiles() }];
  }

  /**
   * Applies `change` to the record as stored now and saves it. For the learner's explicit actions
   * (hints, completion, Reset, Show solution): code such a change writes replaces any other.
   */
  update(change: (record: ExerciseProgress) => ExerciseProgress): ExerciseProgress {
    const stored = this.read();
    const next = change(stored ?? this.empty());
    if (stored && next === stored && !this.unsaved) return stored; // nothing changed: no write
    if (next.files !== stored?.files) this.settle();
    this.write(next);
    return next;
  }

  /** The autosave: writes the editor's code, unless another tab saved other code since this one looked. */
  saveCode(files: Files): void {
    if (this.asking) return;
    this.view.showUpdated(false);
    const stored = this.read();
    if (!sameFiles(stored?.files, this.known)) {
      this.record = stored;
      this.view.showRecord(stored);
      this.ask();
      return;
    }
    if (!this.unsaved && sameFiles(files, this.known ?? this.starterFiles())) return;
    this.write({ ...(stored ?? this.empty()), files });
  }

  /** Re-reads the stored record: takes another tab's code, or asks when this tab has edits of its own. */
  refresh(): void {
    const stored = this.read();
    this.record = stored;
    this.view.showRecord(stored);
    if (sameFiles(stored?.files, this.known)) return;
    if (this.asking || this.dirty()) return this.ask();
    this.takeStoredCode(stored);
    this.view.showUpdated(true);
  }

  /** A change to localStorage made by another tab. */
  onStorage(change: StorageChange): void {
    if (change.key === null || change.key === recordKey(this.exercise.slug)) this.refresh();
    // Another tab made room (removed records, reset an exercise, cleared storage): try again.
    if (this.unsaved && (change.newValue === null || change.key === null)) this.retry();
  }

  /** Writes again what the browser refused: its hints and completion, and the editor's code. */
  retry(): void {
    const refused = this.unsaved?.record;
    if (!refused) return;
    const stored = this.read();
    const base = stored ?? this.empty();
    const { files: _code, ...rest } = refused;
    let next = mergeProgress(base, { ...rest, updatedAt: base.updatedAt }).merged;
    if (sameFiles(stored?.files, this.known) && !this.asking)
      next = { ...next, files: this.view.editorFiles() };
    else this.ask();
    this.write(next);
  }

  private read(): ExerciseProgress | undefined {
    return this.store.load(this.exercise.slug).record;
  }

  private empty(): ExerciseProgress {
    return emptyProgress(this.exercise.slug, this.exercise.lesson, new Date());
  }

  private write(next: ExerciseProgress): void {
    this.record = next;
    if (this.store.save(next)) {
      this.known = next.files;
      if (this.unsaved) {
        this.unsaved = undefined;
        this.view.showStorageProblem(undefined);
        this.view.announce(SYNC_ANNOUNCE.savedAgain);
      }
      return;
    }
    const failure = this.store.lastFailure ?? "refused";
    this.unsaved = { record: next, failure };
    this.view.showStorageProblem(failure === "refused" ? "refused" : "full");
  }

  private dirty(): boolean {
    return !sameFiles(this.view.editorFiles(), this.known ?? this.starterFiles());
  }

  private starterFiles(): Files {
    const { files, starter } = this.exercise;
    return Object.fromEntries(files.map((path) => [path, starter[path] ?? ""]));
  }

  private takeStoredCode(stored: ExerciseProgress | undefined): void {
    this.known = stored?.files;
    this.view.showFiles(stored?.files ?? this.starterFiles());
  }

  private ask(): void {
    if (this.asking) return;
    this.asking = true;
    this.view.askWhichCode({
      useOther: () => {
        this.settle();
        this.takeStoredCode(this.read());
        this.view.announce(SYNC_ANNOUNCE.tookOther);
      },
      keepMine: () => {
        this.settle();
        this.known = this.read()?.files;
        this.saveCode(this.view.editorFiles());
        if (!this.unsaved) this.view.announce(SYNC_ANNOUNCE.keptMine);
      },
    });
  }

  private settle(): void {
    if (!this.asking) return;
    this.asking = false;
    this.view.askWhichCode(undefined);
  }
}

/** Wires a sync to the page: storage events, returning to the tab, and leaving with unsaved code. */
export function watchPage(sync: ExerciseSync, page: Window = window): void {
  page.addEventListener("storage", (event) => {
    try {
      if (event.storageArea !== page.localStorage) return; // sessionStorage is not ours
    } catch {
      return; // no localStorage at all: the workspace saves to memory, nothing to hear about
    }
    sync.onStorage(event);
  });
  page.addEventListener("pageshow", (event) => event.persisted && sync.refresh());
  page.document.addEventListener("visibilitychange", () => {
    if (page.document.visibilityState === "visible") sync.refresh();
  });
  page.addEventListener("beforeunload", (event) => {
    if (sync.needsAttention) event.preventDefault();
  });
}
