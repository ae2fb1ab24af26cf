// The snapshot reader against the real snapshot tool, and the files the build leaves out of it.
import { snapshot } from "@webcontainer/snapshot";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { leftOut } from "./build/snapshot";
import { decodeSnapshot, snapshotFiles } from "./snapshot-format";

const dir = mkdtempSync(join(tmpdir(), "snapshot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a snapshot", () => {
  it("reads back every file the snapshot tool wrote, text and binary", async () => {
    mkdirSync(join(dir, "node_modules/vitest"), { recursive: true });
    writeFileSync(join(dir, "package.json"), '{"type":"module"}');
    writeFileSync(join(dir, "node_modules/vitest/vitest.mjs"), "import './dist/cli.js';");
    writeFileSync(join(dir, "node_modules/vitest/x.wasm"), Buffer.from([0, 97, 115, 109]));
    const files = snapshotFiles(await snapshot(dir));
    expect(Object.fromEntries(files.map((file) => [file.path, [...file.bytes]]))).toEqual({
      "package.json": [...Buffer.from('{"type":"module"}')],
      "node_modules/vitest/vitest.mjs": [...Buffer.from("import './dist/cli.js';")],
      "node_modules/vitest/x.wasm": [0, 97, 115, 109],
    });
    const tree = decodeSnapshot(await snapshot(dir));
    expect(tree["package.json"]).toEqual({ file: { contents: '{"type":"module"}' } });
  });

  it("leaves out types, maps, docs and esbuild's browser build, never a licence", () => {
    expect(leftOut("node_modules/vite/dist/node/index.d.ts")).toBe(true);
    expect(leftOut("node_modules/vite/README.md")).toBe(true);
    expect(leftOut("node_modules/yaml/dist/index.js.map")).toBe(true);
    expect(leftOut("node_modules/esbuild/esm/browser.js")).toBe(true);
    expect(leftOut("node_modules/esbuild/LICENSE.md")).toBe(false);
    expect(leftOut("node_modules/esbuild/lib/main.js")).toBe(false);
    expect(leftOut("node_modules/@types/estree/index.d.ts")).toBe(true);
  });
});
