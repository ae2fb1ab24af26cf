import { describe, expect, it } from "vitest";
import { carryForward, parseRegions } from "./carry-forward";

const file = (...lines: string[]) => lines.join("\n");

// Exercise N: fill in `a`. Exercise N+1: `a` stays, `b` is new, and region `shared` gains a line
// while its nested region `kept` stays as it was.
const previousStarter = file(
  "// exercise N: fill in a",
  "// #region a",
  'const a = () => { throw new Error("TODO") };',
  "// #endregion a",
  "// #region shared",
  "const base = 1;",
  "// #region kept",
  'const kept = () => { throw new Error("TODO") };',
  "// #endregion kept",
  "// #endregion shared",
);
const previousSolution = file(
  "// #region a",
  "const a = () => 1;",
  "// #endregion a",
  "// #region shared",
  "const base = 1;",
  "// #region kept",
  "const kept = () => 2;",
  "// #endregion kept",
  "// #endregion shared",
);
const nextStarter = file(
  "// exercise N+1: fill in b",
  "// #region a",
  "const a = () => 1;",
  "// #endregion a",
  "// #region shared",
  "const base = 1;",
  "const extra = 3;",
  "// #region kept",
  "const kept = () => 2;",
  "// #endregion kept",
  "// #endregion shared",
  "// #region b",
  'const b = () => { throw new Error("TODO") };',
  "// #endregion b",
);

const learner = file(
  "// exercise N: fill in a",
  "// #region a",
  "const a = () => 0 + 1; // mine",
  "// #endregion a",
  "// #region shared",
  "const base = 1;",
  "// #region kept",
  "const kept = () => 1 + 1; // mine too",
  "// #endregion kept",
  "// #endregion shared",
);

describe("parseRegions", () => {
  it("reads nested regions", () => {
    const parsed = parseRegions(previousSolution);
    expect(parsed.ok).toBe(true);
  });

  it("reports an #endregion that closes the wrong region", () => {
    expect(parseRegions(file("// #region a", "// #region b", "// #endregion a"))).toEqual({
      ok: false,
      problem: "line 3: #endregion a does not close region b",
    });
  });

  it("reports a region that is never closed, and two regions of one name", () => {
    expect(parseRegions("// #region a\nx")).toEqual({ ok: false, problem: "region a is never closed" });
    expect(parseRegions(file("// #region a", "// #endregion a", "// #region a")).ok).toBe(false);
  });
});

describe("carryForward", () => {
  it("keeps the learner's code in every region the next exercise leaves as it was", () => {
    const result = carryForward({ learner, previousStarter, previousSolution, nextStarter });
    expect(result).toEqual({
      ok: true,
      text: file(
        "// exercise N+1: fill in b",
        "// #region a",
        "const a = () => 0 + 1; // mine",
        "// #endregion a",
        "// #region shared",
        "const base = 1;",
        "const extra = 3;",
        "// #region kept",
        "const kept = () => 1 + 1; // mine too",
        "// #endregion kept",
        "// #endregion shared",
        "// #region b",
        'const b = () => { throw new Error("TODO") };',
        "// #endregion b",
      ),
      carried: ["a", "kept"],
      replaced: [],
    });
  });

  it("gives the next starter itself for a learner who wrote the reference solution", () => {
    const result = carryForward({
      learner: previousSolution,
      previousStarter,
      previousSolution,
      nextStarter,
    });
    expect(result.ok && result.text).toBe(nextStarter);
  });

  it("names the changed regions where the learner's own lines could not be kept", () => {
    const edited = learner.replace("const base = 1;", "const base = 10; // changed by me");
    const result = carryForward({ learner: edited, previousStarter, previousSolution, nextStarter });
    expect(result.ok && result.replaced).toEqual(["shared"]);
    expect(result.ok && result.text).toContain("const base = 1;");
  });

  it("names lines the learner added outside every region", () => {
    const edited = `${learner}\nconst helper = 42;`;
    const result = carryForward({ learner: edited, previousStarter, previousSolution, nextStarter });
    expect(result.ok && result.replaced).toEqual([""]);
  });

  it("refuses a file whose markers of a carried region are gone, naming them", () => {
    const lost = learner.replace("// #region kept\n", "").replace("// #endregion kept\n", "");
    expect(carryForward({ learner: lost, previousStarter, previousSolution, nextStarter })).toEqual({
      ok: false,
      problem: "your file has lost the region marker // #region kept",
    });
  });

  it("refuses a file whose markers no longer nest", () => {
    const broken = learner.replace("// #endregion a", "");
    const result = carryForward({ learner: broken, previousStarter, previousSolution, nextStarter });
    expect(result.ok).toBe(false);
  });
});
