import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runMain, stubEnv } from "../utils/testing/run-main";
import { promptOf, startStub, type Stub, type StubRequest } from "../utils/testing/stub-server";
import { main } from "./main";

const fence = (yaml: string) => ({ content: `\`\`\`yaml\n${yaml}\n\`\`\`` });

/** A scripted model for any codebase: it picks the first files it is shown, and answers each step. */
function writer({ malformedFirst = false } = {}) {
  let identify = 0;
  return (request: StubRequest) => {
    const prompt = promptOf(request);
    if (prompt.startsWith("For the project")) {
      identify += 1;
      if (malformedFirst && identify === 1) return { content: "The main ideas are nodes and flows." };
      return fence(
        "abstractions:\n  - name: Node\n    description: One step.\n    files: ['0 # first file']\n" +
          "  - name: Flow\n    description: Runs the steps.\n    files: [1, 0]",
      );
    }
    if (prompt.startsWith("These are the main abstractions")) {
      return fence(
        'summary: A tiny workflow engine.\nrelationships:\n  - from: 1\n    to: 0\n    label: "runs"',
      );
    }
    if (prompt.startsWith("In what order")) return fence("order: [0, 1]");
    const chapter = /^Write chapter (\d+) of a beginner's tutorial on "[^"]*": (.+)\.$/m.exec(prompt);
    if (chapter) return { content: `All about ${chapter[2]} (chapter ${chapter[1]}).` };
    return { status: 400, message: `unexpected prompt: ${prompt.slice(0, 50)}` };
  };
}

let stub: Stub | undefined;
let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tutorial-"));
});
afterEach(async () => {
  await stub?.close();
  rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>) {
  const root = join(dir, "tiny-flow");
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe("tutorial example", () => {
  it("reads the source files, finds abstractions, and writes index.md and a chapter per abstraction", async () => {
    const root = project({
      "src/node.ts": "export class Node {}",
      "src/flow.ts": "export class Flow {}",
      "src/flow.test.ts": "test('flow')",
      "node_modules/dep/index.js": "module.exports = 1",
      "README.md": "# tiny-flow",
    });
    const out = join(dir, "out");
    stub = await startStub(writer({ malformedFirst: true }));
    const result = await runMain(main, { env: stubEnv(stub.url), args: [root, "--out", out] });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Reading ${root}: 3 files, 1 KB; 1 test file skipped`);
    expect(result.stdout).toContain("Found 2 abstractions: Node, Flow");
    expect(result.stdout).toContain("Chapter order: Node → Flow");
    expect(result.stdout).toContain(`Wrote ${join(out, "index.md")} and 2 chapters.`);
    expect(readdirSync(out).sort()).toEqual(["01_node.md", "02_flow.md", "index.md"]);
    const index = readFileSync(join(out, "index.md"), "utf8");
    expect(index).toContain("# Tutorial: tiny-flow");
    expect(index).toContain("A tiny workflow engine.");
    expect(index).toContain('A1 -->|"runs"| A0');
    expect(index).toContain("1. [Node](01_node.md)\n2. [Flow](02_flow.md)");
    expect(readFileSync(join(out, "01_node.md"), "utf8")).toContain(
      "# Chapter 1: Node\n\nAll about Node (chapter 1).",
    );
    const first = promptOf(stub.requests[0] as StubRequest);
    expect(first, "tests and dependencies never reach the model").not.toContain("flow.test.ts");
    expect(first).not.toContain("node_modules");
    expect(stub.requests, "a malformed list of abstractions is asked for again: 4 + 2 chapters").toHaveLength(
      6,
    );
  });

  it("writes a tutorial of this course's own core/ by default", async () => {
    const out = join(dir, "core-tutorial");
    stub = await startStub(writer());
    const result = await runMain(main, { env: stubEnv(stub.url), args: ["--out", out] });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Reading core: \d+ files, \d+ KB; \d+ test files skipped$/m);
    expect(promptOf(stub.requests[0] as StubRequest)).toContain("# index.ts");
    expect(existsSync(join(out, "index.md"))).toBe(true);
    expect(readFileSync(join(out, "index.md"), "utf8")).toContain("# Tutorial: core");
  });

  it("says so when the folder has nothing to read", async () => {
    stub = await startStub(writer());
    const empty = project({ "notes.txt": "nothing here" });
    const result = await runMain(main, { env: stubEnv(stub.url), args: [empty] });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("has no source files to write about");
  });
});
