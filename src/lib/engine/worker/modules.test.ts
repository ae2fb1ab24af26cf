import { describe, expect, it } from "vitest";
import { createModuleSystem, joinPath, resolve, type PackageTable } from "./modules";

const packages: PackageTable = { vitest: () => ({ __esModule: true }), yaml: () => ({ __esModule: true }) };

describe("joinPath", () => {
  it("resolves a relative specifier against the importer's folder", () => {
    expect(joinPath("tests/flow.test.ts", "../pocketflow")).toBe("pocketflow");
    expect(joinPath("tests/flow.test.ts", "./helpers")).toBe("tests/helpers");
    expect(joinPath("a/b/c.ts", "../../d/./e")).toBe("d/e");
  });

  it("is undefined for a path that leaves the workspace", () => {
    expect(joinPath("tests/a.test.ts", "../../secret")).toBeUndefined();
  });
});

describe("resolve", () => {
  const files = {
    "pocketflow.ts": "",
    "nodes.ts": "",
    "lib/index.ts": "",
    "data.json": "{}",
    "tests/helpers.ts": "",
  };
  const from = (specifier: string, importer = "tests/a.test.ts") =>
    resolve(files, packages, importer, specifier);

  it("finds files with and without .ts, a folder's index.ts, and .js meaning .ts", () => {
    expect(from("../pocketflow")).toEqual({ kind: "file", path: "pocketflow.ts" });
    expect(from("../pocketflow.ts")).toEqual({ kind: "file", path: "pocketflow.ts" });
    expect(from("../nodes.js")).toEqual({ kind: "file", path: "nodes.ts" });
    expect(from("./lib", "nodes.ts")).toEqual({ kind: "file", path: "lib/index.ts" });
    expect(from("./helpers")).toEqual({ kind: "file", path: "tests/helpers.ts" });
    expect(from("../data.json")).toEqual({ kind: "file", path: "data.json" });
  });

  it("says where it looked when a file is missing", () => {
    expect(() => from("../pocketflw")).toThrow(
      "Cannot find module '../pocketflw' imported by tests/a.test.ts (looked for pocketflw, pocketflw.ts, pocketflw/index.ts)",
    );
  });

  it("allows only the allow-listed packages", () => {
    expect(from("yaml")).toEqual({ kind: "package", name: "yaml" });
    expect(() => from("lodash", "pocketflow.ts")).toThrow(
      "Package 'lodash' is not available in exercises; allowed: vitest, yaml (imported by pocketflow.ts)",
    );
    expect(() => from("node:fs")).toThrow("Package 'node:fs' is not available in exercises");
  });
});

describe("createModuleSystem", () => {
  it("evaluates TypeScript modules and their imports", async () => {
    const files = {
      "math.ts": "export const double = (n: number): number => n * 2;\n",
      "main.ts": 'import { double } from "./math";\nexport default double(21);\n',
    };
    const modules = createModuleSystem(files, packages);
    expect(modules.load("main.ts")).toMatchObject({ default: 42 });
    await expect(modules.loadEntry("main.ts")).resolves.toMatchObject({ default: 42 });
  });

  it("lets a test file use top-level await", async () => {
    const files = { "t.test.ts": "export const value = await Promise.resolve(7);\n" };
    await expect(createModuleSystem(files, packages).loadEntry("t.test.ts")).resolves.toMatchObject({
      value: 7,
    });
  });

  it("gives each module system fresh copies of the modules", () => {
    const files = { "counter.ts": "export const state = { count: 0 };\n" };
    const first = createModuleSystem(files, packages).load("counter.ts") as { state: { count: number } };
    first.state.count += 1;
    const second = createModuleSystem(files, packages).load("counter.ts") as { state: { count: number } };
    expect(second.state.count).toBe(0);
  });

  it("handles import cycles the way CommonJS does", () => {
    const files = {
      "a.ts": 'import { b } from "./b";\nexport const a = "a";\nexport const fromB = () => b;\n',
      "b.ts": 'import { a } from "./a";\nexport const b = "b";\nexport const fromA = () => a;\n',
    };
    const a = createModuleSystem(files, packages).load("a.ts") as { fromB(): string };
    expect(a.fromB()).toBe("b");
  });

  it("evaluates a module that threw again on the next import", () => {
    const files = {
      "flaky.ts": "globalThis.__flaky = (globalThis.__flaky ?? 0) + 1;\nthrow new Error('boom');\n",
    };
    const modules = createModuleSystem(files, packages);
    expect(() => modules.load("flaky.ts")).toThrow("boom");
    expect(() => modules.load("flaky.ts")).toThrow("boom");
    expect((globalThis as { __flaky?: number }).__flaky).toBe(2);
  });

  it("names the file when the compiled code does not parse", () => {
    const modules = createModuleSystem({ "bad.ts": "export const x = 1;\nreturn (;\n" }, packages);
    expect(() => modules.load("bad.ts")).toThrow(/bad\.ts/);
  });
});
