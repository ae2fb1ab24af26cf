import { describe, expect, it } from "vitest";
import { completeWith, completionOf } from "./completion";
import { emptyProgress } from "./progress-store";

const now = new Date("2026-01-02T03:04:05Z");
const solution = { "pocketflow.ts": "export const answer = 42;\n" };

describe("completionOf", () => {
  it("is the learner's own code when it differs from the solution", () => {
    expect(completionOf(undefined, { "pocketflow.ts": "export const answer = 6 * 7;" }, solution)).toBe(
      "own",
    );
  });

  it("is the solution while the revealed solution is in the editor, or its exact text", () => {
    const shown = { ...emptyProgress("x", "x", now), beforeSolution: { "pocketflow.ts": "mine" } };
    expect(completionOf(shown, { "pocketflow.ts": "anything" }, solution)).toBe("solution");
    expect(completionOf(undefined, { "pocketflow.ts": "export const answer = 42;" }, solution)).toBe(
      "solution",
    );
  });
});

describe("completeWith", () => {
  it("stamps the first pass with when and whose code", () => {
    const record = completeWith(emptyProgress("x", "x", now), "solution", now);
    expect(record).toMatchObject({ completedAt: now.toISOString(), completedWith: "solution" });
  });

  it("turns a completion by the solution into the learner's own, keeping its date", () => {
    const first = {
      ...emptyProgress("x", "x", now),
      completedAt: "2025-01-01T00:00:00Z",
      completedWith: "solution" as const,
    };
    expect(completeWith(first, "own", now)).toMatchObject({
      completedAt: "2025-01-01T00:00:00Z",
      completedWith: "own",
    });
  });

  it("changes nothing for a learner who already completed it with their own code", () => {
    const done = { ...emptyProgress("x", "x", now), completedAt: "2025-01-01T00:00:00Z" };
    expect(completeWith(done, "solution", now)).toBeUndefined();
    expect(completeWith(done, "own", now)).toBeUndefined();
  });
});
