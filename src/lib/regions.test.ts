import { describe, expect, it } from "vitest";
import { dedent, extractRegion, listRegions, loadRegion, locateRegion } from "./regions";

const source = [
  "// header comment",
  "// #region types",
  "export type Action = string;",
  "// #endregion types",
  "",
  "// #region flow",
  "export class Flow {",
  "  // #region loop",
  "  run() {",
  "    return 1;",
  "  }",
  "  // #endregion loop",
  "}",
  "// #endregion flow",
  "",
  "class Outer {",
  "    // #region indented",
  "    method() {",
  "      return 2;",
  "    }",
  "    // #endregion indented",
  "}",
].join("\n");

describe("listRegions", () => {
  it("lists every region name in the order the regions open", () => {
    expect(listRegions(source)).toEqual(["types", "flow", "loop", "indented"]);
  });

  it("returns an empty list for a file with no regions", () => {
    expect(listRegions("const x = 1;\n")).toEqual([]);
  });
});

describe("locateRegion", () => {
  it("gives the lines of a region's markers beside its code, nested regions closing first", () => {
    expect(locateRegion(source, "flow", "core/index.ts")).toEqual({
      code: extractRegion(source, "flow", "core/index.ts"),
      startLine: 5,
      endLine: 13,
    });
  });
});

describe("extractRegion", () => {
  it("returns the lines between the markers, without the markers", () => {
    expect(extractRegion(source, "types", "core/index.ts")).toBe("export type Action = string;");
  });

  it("strips the markers of nested regions but keeps their code", () => {
    expect(extractRegion(source, "flow", "core/index.ts")).toBe(
      ["export class Flow {", "  run() {", "    return 1;", "  }", "}"].join("\n"),
    );
  });

  it("dedents a nested region to its shallowest line", () => {
    expect(extractRegion(source, "loop", "core/index.ts")).toBe(["run() {", "  return 1;", "}"].join("\n"));
    expect(extractRegion(source, "indented", "core/index.ts")).toBe(
      ["method() {", "  return 2;", "}"].join("\n"),
    );
  });

  it("accepts Windows line endings", () => {
    expect(extractRegion(source.replaceAll("\n", "\r\n"), "types", "a.ts")).toBe(
      "export type Action = string;",
    );
  });

  it("throws a message naming the file and the regions it has when the region is missing", () => {
    expect(() => extractRegion(source, "flw", "core/index.ts")).toThrow(
      'Region "flw" not found in core/index.ts. Regions there: types, flow, loop, indented — check the region name in the lesson.',
    );
  });

  it("says so when the file has no regions at all", () => {
    expect(() => extractRegion("const x = 1;", "flow", "x.ts")).toThrow(/x\.ts\. That file has no regions/);
  });

  it("does not match a region whose name merely starts the same way", () => {
    expect(() => extractRegion(source, "flo", "core/index.ts")).toThrow(/Region "flo" not found/);
  });

  it("throws when a region never closes", () => {
    expect(() => extractRegion("// #region open\nconst x = 1;\n", "open", "a.ts")).toThrow(
      /Region "open" in a\.ts opens on line 1 but never closes/,
    );
  });

  it("throws when regions close out of order", () => {
    const crossed = "// #region a\n// #region b\nx;\n// #endregion a\n// #endregion b\n";
    expect(() => extractRegion(crossed, "a", "a.ts")).toThrow(/closes region "b"/);
  });

  it("throws when a region name appears twice", () => {
    const twice = "// #region a\nx;\n// #endregion a\n// #region a\ny;\n// #endregion a\n";
    expect(() => extractRegion(twice, "a", "a.ts")).toThrow(/appears 2 times in a\.ts/);
  });

  it("throws when a region is empty", () => {
    expect(() => extractRegion("// #region a\n\n// #endregion a\n", "a", "a.ts")).toThrow(/is empty/);
  });
});

describe("dedent", () => {
  it("ignores blank lines when measuring indentation and trims blank lines at the ends", () => {
    expect(dedent(["", "    a", "", "      b", "  "])).toBe("a\n\n  b");
  });
});

describe("loadRegion", () => {
  it("reads a region of the real core from the project root", () => {
    expect(loadRegion("core/index.ts", "flow")).toMatch(/^export class Flow/);
  });

  it("refuses paths outside the project", () => {
    expect(() => loadRegion("../etc/passwd", "x")).toThrow(/outside the project/);
  });
});
