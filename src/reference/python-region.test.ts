// Every <PythonRegion> in the lessons and the reference pages names a region of the slides' Python.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../lib/exercises/load";
import { extractPythonRegion, loadPythonRegion } from "./python-region";

const mdxIn = (dir: string) =>
  readdirSync(join(projectRoot, dir))
    .filter((name) => name.endsWith(".mdx"))
    .map((name) => ({ name: `${dir}/${name}`, source: readFileSync(join(projectRoot, dir, name), "utf8") }));

describe("the slides' Python regions", () => {
  it("reads # region markers, nested or not, like the core's // #region markers", () => {
    const source =
      "# region outer\nclass A:\n    # region inner\n    x = 1\n    # endregion inner\n# endregion outer\n";
    expect(extractPythonRegion(source, "outer", "test.py")).toBe("class A:\n    x = 1");
    expect(extractPythonRegion(source, "inner", "test.py")).toBe("x = 1");
    expect(() => extractPythonRegion(source, "missing", "test.py")).toThrow(/not found in test.py/);
  });

  it.each([...mdxIn("content/lessons"), ...mdxIn("content/reference")])(
    "$name pulls only regions that exist",
    ({ source }) => {
      for (const [, region = ""] of source.matchAll(/<PythonRegion\b[^>]*?\bregion="([^"]+)"/g)) {
        expect(() => loadPythonRegion(region), `region "${region}"`).not.toThrow();
      }
    },
  );
});
