import { describe, expect, it } from "vitest";
import { MemoryStorage } from "../workspace/progress-store";
import { recordKey } from "../workspace/storage-keys";
import { completedExercises, lastLesson, rememberLesson } from "./course-progress";
import { clampShare, shareAfterKey } from "./split-pane";

const record = (slug: string, extra: object) =>
  JSON.stringify({
    version: 1,
    slug,
    lesson: slug,
    hintsRevealed: 0,
    updatedAt: "2026-01-01T00:00:00Z",
    ...extra,
  });

describe("completed lessons for the sidebar and the home page", () => {
  it("reads how each lesson was completed, and leaves damaged records alone", () => {
    const storage = new MemoryStorage();
    storage.setItem(recordKey("02-the-node"), record("02-the-node", { completedAt: "2026-01-02T00:00:00Z" }));
    storage.setItem(
      recordKey("03-retries-and-fallback"),
      record("03-retries-and-fallback", { completedAt: "2026-01-02T00:00:00Z", completedWith: "solution" }),
    );
    storage.setItem(recordKey("04-shared-store-and-params"), record("04-shared-store-and-params", {}));
    storage.setItem(recordKey("05-transitions"), "{ not json");
    expect(completedExercises(storage)).toEqual(
      new Map([
        ["02-the-node", "own"],
        ["03-retries-and-fallback", "solution"],
      ]),
    );
    // Only the workspace sets a damaged record aside (and says so); reading here changes nothing.
    expect(storage.getItem(recordKey("05-transitions"))).toBe("{ not json");
    expect(storage.length).toBe(4);
  });

  it("remembers the last lesson opened, and ignores a value that is not a lesson slug", () => {
    const storage = new MemoryStorage();
    expect(lastLesson(storage)).toBeUndefined();
    rememberLesson(storage, "06-the-flow");
    expect(lastLesson(storage)).toBe("06-the-flow");
    storage.setItem("build-pocketflow:course:last-lesson", "javascript:alert(1)");
    expect(lastLesson(storage)).toBeUndefined();
  });
});

describe("the divider between lesson and exercise", () => {
  it("keeps both panes usable at any share", () => {
    expect(clampShare(0.99, 1280)).toBe(1 - 320 / 1280);
    expect(clampShare(0.01, 1280)).toBe(384 / 1280);
    expect(clampShare(0.5, 1280)).toBe(0.5);
  });

  it("moves by arrow keys, to the ends by Home and End, and ignores other keys", () => {
    expect(shareAfterKey("ArrowLeft", 0.5, 1280)).toBeCloseTo(0.5 + 32 / 1280);
    expect(shareAfterKey("ArrowRight", 0.5, 1280)).toBeCloseTo(0.5 - 32 / 1280);
    expect(shareAfterKey("Home", 0.5, 1280)).toBe(1 - 320 / 1280);
    expect(shareAfterKey("End", 0.5, 1280)).toBe(384 / 1280);
    expect(shareAfterKey("a", 0.5, 1280)).toBeUndefined();
  });
});
