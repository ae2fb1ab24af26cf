import { describe, expect, it } from "vitest";
import {
  MemoryStorage,
  ProgressStore,
  describeSetAside,
  emptyProgress,
  recordKey,
  type ExerciseProgress,
} from "./progress-store";

const clock =
  (iso = "2025-01-02T03:04:05.000Z") =>
  () =>
    new Date(iso);

function setup() {
  const storage = new MemoryStorage();
  return { storage, store: new ProgressStore(storage, clock()) };
}

const record = (slug: string, extra: Partial<ExerciseProgress> = {}): ExerciseProgress => ({
  ...emptyProgress(slug, `lesson-of-${slug}`, new Date("2025-01-01T00:00:00Z")),
  ...extra,
});

describe("progress store", () => {
  it("saves a record and loads it back, stamped with the save time", () => {
    const { store } = setup();
    store.save(record("06-the-flow", { files: { "pocketflow.ts": "code" }, hintsRevealed: 2 }));
    expect(store.load("06-the-flow").record).toEqual({
      ...record("06-the-flow", { files: { "pocketflow.ts": "code" }, hintsRevealed: 2 }),
      updatedAt: "2025-01-02T03:04:05.000Z",
    });
  });

  it("returns nothing for an exercise never saved", () => {
    expect(setup().store.load("02-the-node")).toEqual({});
  });

  it("writes version 1 records under one key per exercise", () => {
    const { storage, store } = setup();
    store.save(record("06-the-flow"));
    const raw = JSON.parse(storage.getItem(recordKey("06-the-flow")) ?? "null");
    expect(raw).toMatchObject({ version: 1, slug: "06-the-flow" });
  });

  it("sets a damaged record aside under another key, keeps its text and reports it", () => {
    const { storage, store } = setup();
    storage.setItem(recordKey("06-the-flow"), "{not json");
    const result = store.load("06-the-flow");
    expect(result.record).toBeUndefined();
    expect(result.setAside).toMatchObject({ slug: "06-the-flow", reason: "damaged" });
    const key = result.setAside?.key ?? "";
    expect(storage.getItem(key)).toBe("{not json");
    expect(storage.getItem(recordKey("06-the-flow"))).toBeNull();
    if (result.setAside) expect(describeSetAside(result.setAside)).toContain(key);
  });

  it("sets aside old-format and newer-format records", () => {
    const { storage, store } = setup();
    storage.setItem(recordKey("a"), JSON.stringify({ code: "old", done: true }));
    storage.setItem(recordKey("b"), JSON.stringify({ ...record("b"), version: 2 }));
    expect(store.load("a").setAside?.reason).toBe("old-format");
    expect(store.load("b").setAside?.reason).toBe("newer-format");
  });

  it("treats a version 1 record with wrong fields as damaged", () => {
    const { storage, store } = setup();
    storage.setItem(recordKey("a"), JSON.stringify({ ...record("a"), hintsRevealed: 9 }));
    storage.setItem(recordKey("b"), JSON.stringify({ ...record("b"), files: { "x.ts": 1 } }));
    storage.setItem(recordKey("c"), JSON.stringify(record("someone-else")));
    for (const slug of ["a", "b", "c"]) expect(store.load(slug).setAside?.reason).toBe("damaged");
  });

  it("never touches other exercises when one record is corrupted", () => {
    const { storage, store } = setup();
    store.save(record("02-the-node", { completedAt: "2025-01-01T00:00:00Z" }));
    store.save(record("05-transitions", { files: { "pocketflow.ts": "mine" } }));
    storage.setItem(recordKey("06-the-flow"), "garbage");
    const { records, setAside } = store.loadAll();
    expect(records.map((r) => r.slug)).toEqual(["02-the-node", "05-transitions"]);
    expect(setAside.map((s) => s.slug)).toEqual(["06-the-flow"]);
    expect(store.load("05-transitions").record?.files).toEqual({ "pocketflow.ts": "mine" });
  });

  it("does not overwrite a bad record it could not set aside", () => {
    const storage = new MemoryStorage();
    const original = storage.setItem.bind(storage);
    storage.setItem = (key, value) => {
      if (key.includes(":set-aside:")) throw new DOMException("full", "QuotaExceededError");
      original(key, value);
    };
    const store = new ProgressStore(storage, clock());
    original(recordKey("a"), "garbage");
    expect(store.load("a").setAside).toMatchObject({ key: undefined });
    expect(store.save(record("a"))).toBe(false);
    expect(storage.getItem(recordKey("a"))).toBe("garbage");
  });

  it("reports a refused save instead of throwing", () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new DOMException("full", "QuotaExceededError");
    };
    expect(new ProgressStore(storage).save(record("a"))).toBe(false);
  });

  it("update creates a record when there is none", () => {
    const { store } = setup();
    const next = store.update("06-the-flow", "06-the-flow", (r) => ({ ...r, hintsRevealed: 1 }));
    expect(next).toMatchObject({ slug: "06-the-flow", lesson: "06-the-flow", hintsRevealed: 1 });
    expect(store.load("06-the-flow").record?.hintsRevealed).toBe(1);
  });

  it("reset clears the saved code and the pre-solution copy, keeping hints and completion", () => {
    const { storage, store } = setup();
    store.save(
      record("06-the-flow", {
        files: { "pocketflow.ts": "my secret code" },
        beforeSolution: { "pocketflow.ts": "older code" },
        hintsRevealed: 2,
        completedAt: "2025-01-01T00:00:00Z",
      }),
    );
    store.clearCode("06-the-flow", "06-the-flow");
    const saved = store.load("06-the-flow").record;
    expect(saved).toMatchObject({ hintsRevealed: 2, completedAt: "2025-01-01T00:00:00Z" });
    expect(saved?.files).toBeUndefined();
    expect(saved?.beforeSolution).toBeUndefined();
    expect(storage.getItem(recordKey("06-the-flow"))).not.toContain("code");
  });
});
