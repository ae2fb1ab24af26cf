import { describe, expect, it } from "vitest";
import { afterPassingTests, completeWith, completionOf } from "./completion";
import { emptyProgress } from "./progress-store";

const now = new Date("2026-01-02T03:04:05Z");
const record = () => emptyProgress("x", "x", now);

describe("completionOf", () => {
  it("is the learner's own code unless the solution was shown", () => {
    expect(completionOf(undefined)).toBe("own");
    expect(completionOf(record())).toBe("own");
  });

  it("is the solution while the revealed solution is in the editor (until Restore my code or Reset)", () => {
    expect(completionOf({ ...record(), beforeSolution: { "pocketflow.ts": "mine" } })).toBe("solution");
  });
});

describe("completeWith", () => {
  it("stamps the first pass with when and whose code", () => {
    expect(completeWith(record(), "solution", now)).toMatchObject({
      completedAt: now.toISOString(),
      completedWith: "solution",
    });
  });

  it("turns a completion by the solution into the learner's own, keeping its date", () => {
    const first = { ...record(), completedAt: "2025-01-01T00:00:00Z", completedWith: "solution" as const };
    expect(completeWith(first, "own", now)).toMatchObject({
      completedAt: "2025-01-01T00:00:00Z",
      completedWith: "own",
    });
  });

  it("changes nothing for a learner who already completed it with their own code", () => {
    const done = { ...record(), completedAt: "2025-01-01T00:00:00Z" };
    expect(completeWith(done, "solution", now)).toBeUndefined();
    expect(completeWith(done, "own", now)).toBeUndefined();
  });
});

describe("afterPassingTests", () => {
  it("completes with the learner's code and says so", () => {
    const { next, say } = afterPassingTests(record(), true, now);
    expect(next?.completedWith).toBe("own");
    expect(say).toMatch(/^Lesson complete/);
  });

  it("does not complete while the files have type errors, and says why", () => {
    expect(afterPassingTests(record(), false, now)).toEqual({ say: expect.stringMatching(/type-check/) });
    const done = { ...record(), completedAt: now.toISOString() };
    expect(afterPassingTests(done, false, now)).toEqual({});
  });

  it("tells a learner who passed with the solution, then with their own code, each time", () => {
    const shown = { ...record(), beforeSolution: { "pocketflow.ts": "mine" } };
    const first = afterPassingTests(shown, true, now);
    expect(first.say).toMatch(/completed with the solution shown/);
    const own = { ...(first.next ?? shown), beforeSolution: undefined };
    expect(afterPassingTests(own, true, now).say).toMatch(/yours/);
  });
});
