import { describe, expect, it } from "vitest";
import {
  MemoryStorage,
  ProgressStore,
  emptyProgress,
  recordKey,
  type ExerciseProgress,
} from "./progress-store";
import {
  ImportError,
  describeImport,
  exportProgress,
  importProgress,
  mergeProgress,
} from "./progress-transfer";

const at = (day: number) => `2025-01-${String(day).padStart(2, "0")}T00:00:00.000Z`;
const NOW = new Date(at(20));
const record = (slug: string, extra: Partial<ExerciseProgress> = {}): ExerciseProgress => ({
  ...emptyProgress(slug, slug, new Date(at(1))),
  ...extra,
});
const storeWith = (storage: Storage, ...records: ExerciseProgress[]) => {
  const store = new ProgressStore(storage, () => NOW);
  for (const item of records) store.saveAsIs(item);
  return store;
};
const memoryStore = (...records: ExerciseProgress[]) => storeWith(new MemoryStorage(), ...records);
const course = new Map(["02-the-node", "06-the-flow", "07-flows-inside-flows"].map((slug) => [slug, slug]));
const fileOf = (exercises: unknown, extra: object = {}) =>
  JSON.stringify({ format: "build-pocketflow-progress", version: 1, exportedAt: at(1), exercises, ...extra });
const importInto = (store: ProgressStore, text: string) => importProgress(store, text, course, NOW);

describe("progress export and import", () => {
  it("exports every readable record in a versioned file", () => {
    const store = memoryStore(record("02-the-node"), record("06-the-flow", { completedAt: at(2) }));
    const file = exportProgress(store, new Date(at(3)));
    expect(file).toMatchObject({ format: "build-pocketflow-progress", version: 1, exportedAt: at(3) });
    expect(file.exercises.map((e) => e.slug)).toEqual(["02-the-node", "06-the-flow"]);
  });

  it("exports a tab's unsaved code in place of what is stored", () => {
    const store = memoryStore(record("06-the-flow", { files: { "p.ts": "saved" } }));
    const pending = record("06-the-flow", { files: { "p.ts": "typed, not saved" } });
    const file = exportProgress(store, NOW, [pending, record("02-the-node")]);
    expect(file.exercises).toEqual([record("02-the-node"), pending]);
  });

  it("round-trips into an empty browser", () => {
    const source = memoryStore(
      record("02-the-node", { completedAt: at(2), files: { "nodes.ts": "x" }, updatedAt: at(4) }),
    );
    const target = memoryStore();
    const report = importInto(target, JSON.stringify(exportProgress(source)));
    expect(report).toEqual({
      imported: ["02-the-node"],
      completed: ["02-the-node"],
      codeTaken: ["02-the-node"],
      skipped: 0,
      unknown: [],
      future: [],
    });
    expect(target.load("02-the-node").record).toEqual(source.load("02-the-node").record);
  });

  it("merges: keeps completion and the most hints, takes code only when newer", () => {
    const local = record("06-the-flow", { files: { "p.ts": "local" }, completedAt: at(3), updatedAt: at(5) });
    const older = record("06-the-flow", { files: { "p.ts": "old" }, hintsRevealed: 2, updatedAt: at(4) });
    expect(mergeProgress(local, older, NOW)).toEqual({
      merged: { ...local, hintsRevealed: 2 },
      codeTaken: false,
    });
    const newer = record("06-the-flow", { files: { "p.ts": "new" }, completedAt: at(2), updatedAt: at(6) });
    expect(mergeProgress(local, newer, NOW)).toEqual({
      merged: { ...local, files: { "p.ts": "new" }, completedAt: at(2), updatedAt: at(6) },
      codeTaken: true,
    });
  });

  it("keeps a completion by the learner's own code over one by the solution", () => {
    const own = record("a", { completedAt: at(5) });
    const bySolution = record("a", { completedAt: at(3), completedWith: "solution" });
    expect(mergeProgress(own, bySolution, NOW).merged).toMatchObject({
      completedAt: at(3),
      completedWith: "own",
    });
    expect(mergeProgress(bySolution, record("a"), NOW).merged.completedWith).toBe("solution");
  });

  it("keeps local code when the file has none", () => {
    const local = record("a", { files: { "p.ts": "mine" }, updatedAt: at(1) });
    const { merged } = mergeProgress(local, record("a", { updatedAt: at(9), completedAt: at(9) }), NOW);
    expect(merged.files).toEqual({ "p.ts": "mine" });
    expect(merged.completedAt).toBe(at(9));
  });

  it("never lets a record dated in the future win over newer code saved here", () => {
    const local = record("06-the-flow", { files: { "p.ts": "mine, today" }, updatedAt: at(19) });
    const store = memoryStore(local);
    const fromTheFuture = record("06-the-flow", {
      files: { "p.ts": "theirs" },
      updatedAt: "2099-01-01T00:00:00.000Z",
    });
    const report = importInto(store, fileOf([fromTheFuture]));
    expect(report.future).toEqual(["06-the-flow"]);
    expect(report.codeTaken).toEqual([]);
    expect(store.load("06-the-flow").record?.files).toEqual({ "p.ts": "mine, today" });
    expect(describeImport(report)).toContain(
      "Dated in the future, so they never replaced code saved here: 06-the-flow",
    );
  });

  it("takes a future-dated record where this browser has none, stamped no later than now", () => {
    const store = memoryStore();
    const future = record("06-the-flow", {
      files: { "p.ts": "theirs" },
      updatedAt: "2099-01-01T00:00:00.000Z",
    });
    importInto(store, fileOf([future]));
    expect(store.load("06-the-flow").record).toMatchObject({
      files: { "p.ts": "theirs" },
      updatedAt: NOW.toISOString(),
    });
  });

  it("skips records of exercises the course does not have, and ones that name another lesson", () => {
    const store = memoryStore();
    const stranger = { ...record("99-unknown"), lesson: "06-the-flow", completedAt: at(2) };
    const misfiled = { ...record("02-the-node"), lesson: "06-the-flow", completedAt: at(2) };
    const report = importInto(store, fileOf([stranger, misfiled, record("07-flows-inside-flows")]));
    expect(report).toMatchObject({
      imported: ["07-flows-inside-flows"],
      unknown: ["99-unknown"],
      skipped: 1,
    });
    expect(store.loadAll().records.map((r) => r.slug)).toEqual(["07-flows-inside-flows"]);
    expect(describeImport(report)).toBe(
      "Imported progress for 1 exercise (0 complete): 07-flows-inside-flows. " +
        "Skipped exercises this course does not have: 99-unknown. Skipped 1 entry that was not valid.",
    );
  });

  it("skips a completedAt that is not a date", () => {
    const report = importInto(memoryStore(), fileOf([{ ...record("06-the-flow"), completedAt: "soon" }]));
    expect(report).toMatchObject({ imported: [], skipped: 1 });
  });

  it("skips invalid entries and reports them, importing the rest", () => {
    const store = memoryStore();
    const report = importInto(store, fileOf([record("02-the-node"), { slug: "bad" }, "nonsense"]));
    expect(report.imported).toEqual(["02-the-node"]);
    expect(report.skipped).toBe(2);
    expect(describeImport(report)).toBe(
      "Imported progress for 1 exercise (0 complete): 02-the-node. Skipped 2 entries that were not valid.",
    );
  });

  it("rejects files that are not progress exports, changing nothing", () => {
    const store = memoryStore(record("02-the-node"));
    expect(() => importInto(store, "not json")).toThrow(ImportError);
    expect(() => importInto(store, JSON.stringify({ hello: 1 }))).toThrow(/not a progress export/);
    expect(() => importInto(store, fileOf([], { version: 7 }))).toThrow(
      /version 7; this site reads version 1/,
    );
    expect(() => importInto(store, fileOf({ "06-the-flow": record("06-the-flow") }))).toThrow(
      "That progress file has no list of exercises (its “exercises” is not a list), so it is damaged. Nothing was imported.",
    );
    expect(store.loadAll().records).toHaveLength(1);
  });

  it("imports all or nothing: a file too big for the storage writes none of its records", () => {
    const storage = new MemoryStorage(6000);
    const mine = record("02-the-node", { files: { "nodes.ts": "mine" }, updatedAt: at(2) });
    const store = storeWith(storage, mine);
    const big = (slug: string) => record(slug, { files: { "p.ts": "x".repeat(2500) }, updatedAt: at(9) });
    const text = fileOf([big("02-the-node"), big("06-the-flow"), big("07-flows-inside-flows")]);
    const error = (() => {
      try {
        importInto(store, text);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).failure).toBe("full");
    expect((error as ImportError).message).toBe(
      "This browser's storage for this site is too full to hold the import, so nothing was imported.",
    );
    expect(store.load("02-the-node").record).toEqual(mine);
    expect(storage.getItem(recordKey("06-the-flow"))).toBeNull();
    expect(storage.length).toBe(1);
  });
});
