import { describe, expect, it } from "vitest";
import { decideCarry, describeCarry } from "./carry";
import { emptyProgress, type ExerciseProgress } from "./progress-store";
import type { CarryData } from "./types";

const carry: CarryData = {
  from: "04-shared-store-and-params",
  fromTitle: "Params",
  file: "pocketflow.ts",
  previousStarter: "// #region a\nTODO\n// #endregion a",
  previousSolution: "// #region a\nsolved\n// #endregion a",
};
const nextStarter = "// #region a\nsolved\n// #endregion a\n// #region b\nTODO b\n// #endregion b";
const now = new Date("2026-01-01T00:00:00Z");
const previous = (files: string | undefined, extra: Partial<ExerciseProgress> = {}): ExerciseProgress => ({
  ...emptyProgress(carry.from, carry.from, now),
  ...(files === undefined ? {} : { files: { "pocketflow.ts": files } }),
  ...extra,
});
const mine = "// #region a\nmy own code\n// #endregion a";

describe("what a carried file starts from", () => {
  it("carries the learner's passing code, spliced with this exercise's TODOs", () => {
    const decision = decideCarry(carry, previous(mine, { completedAt: now.toISOString() }), nextStarter);
    expect(decision).toEqual({
      kind: "carried",
      text: "// #region a\nmy own code\n// #endregion a\n// #region b\nTODO b\n// #endregion b",
      replaced: [],
    });
    expect(describeCarry(decision, carry)).toMatch(/is yours from exercise 04 \(Params\)/);
  });

  it("offers, but does not use, code that does not pass yet", () => {
    const decision = decideCarry(carry, previous(mine), nextStarter);
    expect(decision.kind).toBe("not-passing");
    expect(describeCarry(decision, carry)).toMatch(/does not pass its tests yet/);
  });

  it("says nothing when there is no code of the learner's: no record, no files, or the solution shown", () => {
    expect(decideCarry(carry, undefined, nextStarter)).toEqual({ kind: "none" });
    expect(decideCarry(carry, previous(undefined, { completedAt: now.toISOString() }), nextStarter)).toEqual({
      kind: "none",
    });
    const shown = previous(carry.previousSolution, { beforeSolution: { "pocketflow.ts": mine } });
    expect(decideCarry(carry, shown, nextStarter)).toEqual({ kind: "none" });
  });

  it("falls back to the reference, naming the lost marker, when the file cannot be spliced", () => {
    const decision = decideCarry(
      carry,
      previous("my own code", { completedAt: now.toISOString() }),
      nextStarter,
    );
    expect(decision).toEqual({
      kind: "unsplicable",
      problem: "your file has lost the region marker // #region a",
    });
    expect(describeCarry(decision, carry)).toMatch(/could not be carried over exactly/);
  });
});
