import { describe, expect, it } from "vitest";
import { MemoryStorage, ProgressStore, emptyProgress, type ExerciseProgress } from "./progress-store";
import {
  ImportError,
  describeImport,
  exportProgress,
  importProgress,
  mergeProgress,
} from "./progress-transfer";

const at = (day: number) => `2025-01-${String(day).padStart(2, "0")}T00:00:00.000Z`;
const record = (slug: string, extra: Partial<ExerciseProgress> = {}): ExerciseProgress => ({
  ...emptyProgress(slug, slug, new Date(at(1))),
  ...extra,
});
const storeWith = (...records: ExerciseProgress[]) => {
  const store = new ProgressStore(new MemoryStorage(), () => new Date(at(20)));
  for (const item of records) store.saveAsIs(item);
  return store;
};

describe("progress export and import", () => {
  it("exports every readable record in a versioned file", () => {
    const store = storeWith(record("02-the-node"), record("06-the-flow", { completedAt: at(2) }));
    const file = exportProgress(store, new Date(at(3)));
    expect(file).toMatchObject({ format: "build-pocketflow-progress", version: 1, exportedAt: at(3) });
    expect(file.exercises.map((e) => e.slug)).toEqual(["02-the-node", "06-the-flow"]);
  });

  it("round-trips into an empty browser", () => {
    const source = storeWith(
      record("02-the-node", { completedAt: at(2), files: { "nodes.ts": "x" }, updatedAt: at(4) }),
    );
    const target = storeWith();
    const report = importProgress(target, JSON.stringify(exportProgress(source)));
    expect(report).toEqual({
      imported: ["02-the-node"],
      completed: ["02-the-node"],
      codeTaken: ["02-the-node"],
      skipped: 0,
    });
    expect(target.load("02-the-node").record).toEqual(source.load("02-the-node").record);
  });

  it("merges: keeps completion and the most hints, takes code only when newer", () => {
    const local = record("06-the-flow", { files: { "p.ts": "local" }, completedAt: at(3), updatedAt: at(5) });
    const older = record("06-the-flow", { files: { "p.ts": "old" }, hintsRevealed: 2, updatedAt: at(4) });
    expect(mergeProgress(local, older)).toEqual({
      merged: { ...local, hintsRevealed: 2 },
      codeTaken: false,
    });
    const newer = record("06-the-flow", { files: { "p.ts": "new" }, completedAt: at(2), updatedAt: at(6) });
    expect(mergeProgress(local, newer)).toEqual({
      merged: { ...local, files: { "p.ts": "new" }, completedAt: at(2), updatedAt: at(6) },
      codeTaken: true,
    });
  });

  it("keeps local code when the file has none", () => {
    const local = record("a", { files: { "p.ts": "mine" }, updatedAt: at(1) });
    const { merged } = mergeProgress(local, record("a", { updatedAt: at(9), completedAt: at(9) }));
    expect(merged.files).toEqual({ "p.ts": "mine" });
    expect(merged.completedAt).toBe(at(9));
  });

  it("skips invalid entries and reports them, importing the rest", () => {
    const store = storeWith();
    const file = {
      format: "build-pocketflow-progress",
      version: 1,
      exportedAt: at(1),
      exercises: [record("02-the-node"), { slug: "bad" }, "nonsense"],
    };
    const report = importProgress(store, JSON.stringify(file));
    expect(report.imported).toEqual(["02-the-node"]);
    expect(report.skipped).toBe(2);
    expect(describeImport(report)).toBe(
      "Imported progress for 1 exercise (0 complete): 02-the-node. Skipped 2 entries that were not valid.",
    );
  });

  it("rejects files that are not progress exports, changing nothing", () => {
    const store = storeWith(record("02-the-node"));
    expect(() => importProgress(store, "not json")).toThrow(ImportError);
    expect(() => importProgress(store, JSON.stringify({ hello: 1 }))).toThrow(/not a progress export/);
    expect(() =>
      importProgress(
        store,
        JSON.stringify({ format: "build-pocketflow-progress", version: 7, exercises: [] }),
      ),
    ).toThrow(/version 7/);
    expect(store.loadAll().records).toHaveLength(1);
  });
});
