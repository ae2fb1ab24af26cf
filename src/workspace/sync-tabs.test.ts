// Two tabs of one exercise over one storage, as the browser shares localStorage between them. The
// storage event a real browser fires in the other tab is delivered here by calling onStorage.
import { describe, expect, it } from "vitest";
import { MemoryStorage, ProgressStore, recordKey, withoutCode } from "./progress-store";
import { ExerciseSync, SYNC_ANNOUNCE, type CodeChoice, type StorageProblem } from "./sync-tabs";
import type { Files } from "./types";

const SLUG = "06-the-flow";
const FILE = "pocketflow.ts";
const exercise = { slug: SLUG, lesson: SLUG, files: [FILE], starter: { [FILE]: "// starter" } };
const code = (text: string): Files => ({ [FILE]: text });

/** One tab: its own store over the shared storage, an editor that is a plain object, and its notices. */
function openTab(storage: Storage) {
  const store = new ProgressStore(storage);
  const record = store.load(SLUG).record;
  const tab = {
    editor: { ...(record?.files ?? exercise.starter) },
    question: undefined as CodeChoice | undefined,
    updated: false,
    problem: undefined as StorageProblem | undefined,
    announced: [] as string[],
    hintsShown: record?.hintsRevealed ?? 0,
    sync: undefined as unknown as ExerciseSync,
    /** The learner types; the workspace autosaves. */
    type(text: string) {
      tab.editor = code(text);
      tab.sync.saveCode(tab.editor);
    },
    /** The browser's storage event, after another tab wrote. */
    hear(key = recordKey(SLUG), newValue: string | null = storage.getItem(key)) {
      tab.sync.onStorage({ key, newValue });
    },
  };
  tab.sync = new ExerciseSync(
    store,
    exercise,
    {
      editorFiles: () => tab.editor,
      showFiles: (files) => (tab.editor = { ...files }),
      showRecord: (shown) => (tab.hintsShown = shown?.hintsRevealed ?? 0),
      askWhichCode: (choice) => (tab.question = choice),
      showUpdated: (shown) => (tab.updated = shown),
      showStorageProblem: (problem) => (tab.problem = problem),
      announce: (text) => tab.announced.push(text),
    },
    record,
  );
  return tab;
}

const savedCode = (storage: Storage) =>
  (JSON.parse(storage.getItem(recordKey(SLUG)) ?? "{}") as { files?: Files }).files?.[FILE];

describe("two tabs of the same exercise", () => {
  it("a tab with no edits of its own takes the code another tab saved, and says so", () => {
    const storage = new MemoryStorage();
    const older = openTab(storage);
    const newer = openTab(storage);
    newer.type("// written in the newer tab");
    older.hear();
    expect(older.editor).toEqual(code("// written in the newer tab"));
    expect(older.updated).toBe(true);
    expect(older.question).toBeUndefined();
    older.type("// and on in the older tab"); // typing there now builds on it
    expect(savedCode(storage)).toBe("// and on in the older tab");
    expect(older.updated).toBe(false);
  });

  it("a tab with edits of its own asks, and its keystrokes never overwrite the other tab's code", () => {
    const storage = new MemoryStorage();
    const first = openTab(storage);
    const second = openTab(storage);
    first.type("// first tab's work");
    second.editor = code("// second tab, typing"); // not saved yet (the save waits for a pause)
    second.hear();
    expect(second.question).toBeDefined();
    second.type("// second tab, one more keystroke");
    expect(savedCode(storage)).toBe("// first tab's work");
    expect(second.sync.needsAttention).toBe(true); // leaving the page would ask first
  });

  it("notices another tab's save at the next autosave even if the event never came", () => {
    const storage = new MemoryStorage();
    const first = openTab(storage);
    const second = openTab(storage);
    first.type("// first");
    second.type("// second, unaware");
    expect(savedCode(storage)).toBe("// first");
    expect(second.question).toBeDefined();
  });

  it("asked, the learner may take the other tab's code", () => {
    const storage = new MemoryStorage();
    const first = openTab(storage);
    const second = openTab(storage);
    first.type("// first");
    second.type("// second");
    second.question?.useOther();
    expect(second.editor).toEqual(code("// first"));
    expect(second.question).toBeUndefined();
    expect(second.announced).toContain(SYNC_ANNOUNCE.tookOther);
    second.type("// second, building on first");
    expect(savedCode(storage)).toBe("// second, building on first");
  });

  it("asked, the learner may keep this tab's code, which then replaces the other's", () => {
    const storage = new MemoryStorage();
    const first = openTab(storage);
    const second = openTab(storage);
    first.type("// first");
    second.type("// second");
    second.question?.keepMine();
    expect(savedCode(storage)).toBe("// second");
    expect(second.announced).toContain(SYNC_ANNOUNCE.keptMine);
    first.hear();
    expect(first.editor).toEqual(code("// second")); // the first tab had nothing unsaved
  });

  it("shows hints revealed in another tab without touching this tab's code", () => {
    const storage = new MemoryStorage();
    const first = openTab(storage);
    const second = openTab(storage);
    second.editor = code("// typing, not saved yet");
    first.sync.update((record) => ({ ...record, hintsRevealed: 1 }));
    second.hear();
    expect(second.hintsShown).toBe(1);
    expect(second.question).toBeUndefined();
    second.type("// typing, saved now");
    expect(JSON.parse(storage.getItem(recordKey(SLUG)) ?? "{}")).toMatchObject({
      hintsRevealed: 1,
      files: code("// typing, saved now"),
    });
  });

  it("a Reset in one tab takes the other tab back to the starter", () => {
    const storage = new MemoryStorage();
    const first = openTab(storage);
    first.type("// mine");
    const second = openTab(storage);
    expect(second.editor).toEqual(code("// mine"));
    first.editor = { ...exercise.starter };
    first.sync.update(withoutCode);
    second.hear();
    expect(second.editor).toEqual(exercise.starter);
  });

  it("does not save the untouched starter (so a later starter update still shows)", () => {
    const storage = new MemoryStorage();
    openTab(storage).sync.saveCode({ ...exercise.starter });
    expect(storage.getItem(recordKey(SLUG))).toBeNull();
  });
});

describe("a full storage", () => {
  /** A storage with room for a small record, nearly filled by a set-aside one. */
  function fullStorage() {
    const storage = new MemoryStorage(1500);
    storage.setItem(`build-pocketflow:set-aside:${SLUG}:2025-01-01T00:00:00.000Z`, "x".repeat(1000));
    return storage;
  }

  it("keeps the code in the tab, says the storage is full, and saves once room is made", () => {
    const storage = fullStorage();
    const tab = openTab(storage);
    tab.type("// long work ".repeat(60));
    expect(tab.problem).toBe("full");
    expect(storage.getItem(recordKey(SLUG))).toBeNull();
    expect(tab.sync.needsAttention).toBe(true);
    expect(tab.sync.pending()[0]?.files).toEqual(tab.editor); // what Export would write
    new ProgressStore(storage).removeSetAside();
    tab.sync.retry();
    expect(savedCode(storage)).toBe("// long work ".repeat(60));
    expect(tab.problem).toBeUndefined();
    expect(tab.announced).toContain(SYNC_ANNOUNCE.savedAgain);
    expect(tab.sync.needsAttention).toBe(false);
  });

  it("tries again when another tab frees room, keeping a completion that could not be saved", () => {
    const storage = fullStorage();
    const tab = openTab(storage);
    tab.editor = code("// passing code ".repeat(40));
    const completedAt = "2025-01-02T00:00:00.000Z";
    tab.sync.update((record) => ({ ...record, files: tab.editor, completedAt, completedWith: "own" }));
    expect(tab.problem).toBe("full");
    const key = new ProgressStore(storage).setAsideKeys()[0] ?? "";
    storage.removeItem(key); // done in another tab…
    tab.hear(key, null); // …which this tab hears about
    const saved = new ProgressStore(storage).load(SLUG).record;
    expect(saved).toMatchObject({
      completedAt: "2025-01-02T00:00:00.000Z",
      completedWith: "own",
      files: tab.editor,
    });
  });
});
