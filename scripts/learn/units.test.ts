// The learn CLI's parts that need no test run: progress, the workspace, formatting, options.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Exercise } from "../../src/lib/exercises/schema";
import { runCommand } from "./commands";
import { compactValue, formatResult } from "./format";
import { createContext } from "./context";
import { currentSlug, entryOf, readProgress, statusOf, writeProgress } from "./progress";
import { openSession } from "./session";
import { removeStaleRuns, type SuiteResult } from "./suite";
import { fakeTerminal, tempWorkspace } from "./testing";
import { copyMissingStarters, learnerFiles } from "./workspace";

const exercise = (slug: string, extra: Partial<Exercise> = {}): Exercise => ({
  slug,
  meta: { title: `Title of ${slug}`, lesson: slug, files: ["main.ts"], hints: ["one", "two", "three"] },
  starter: { "main.ts": `// starter of ${slug}\n` },
  solution: { "main.ts": "// solution\n" },
  tests: { "tests/main.test.ts": "" },
  readonly: [],
  timeoutMs: 5000,
  ...extra,
});

describe("progress.json", () => {
  it("starts empty when there is no file, and saves an entry for every exercise", () => {
    const workspace = tempWorkspace("progress");
    const { progress, notice } = readProgress(workspace);
    expect(notice).toBeUndefined();
    writeProgress(workspace, progress, ["01-a", "02-b"]);
    expect(JSON.parse(readFileSync(join(workspace, "progress.json"), "utf8"))).toEqual({
      version: 1,
      exercises: { "01-a": { done: false, hintsShown: 0 }, "02-b": { done: false, hintsShown: 0 } },
    });
  });

  it("keeps unknown exercises and fields, and fills in missing ones", () => {
    const workspace = tempWorkspace("progress");
    mkdirSync(workspace, { recursive: true });
    const saved = {
      version: 1,
      note: "kept",
      exercises: { "09-gone": { done: true, medal: "gold" }, "01-a": {} },
    };
    writeFileSync(join(workspace, "progress.json"), JSON.stringify(saved));
    const { progress } = readProgress(workspace);
    expect(progress.exercises["01-a"]).toEqual({ done: false, hintsShown: 0 });
    writeProgress(workspace, progress, ["01-a", "02-new"]);
    expect(JSON.parse(readFileSync(join(workspace, "progress.json"), "utf8"))).toEqual({
      version: 1,
      note: "kept",
      exercises: {
        "09-gone": { done: true, hintsShown: 0, medal: "gold" },
        "01-a": { done: false, hintsShown: 0 },
        "02-new": { done: false, hintsShown: 0 },
      },
    });
  });

  it.each([
    ["broken JSON", "{", "not valid JSON"],
    ["another version", '{"version":2,"exercises":{}}', "its version is 2"],
    ["no version", "[]", "its version is undefined"],
    [
      "a wrong shape",
      '{"version":1,"exercises":{"01-a":{"done":"yes"}}}',
      "expected shape (exercises.01-a.done",
    ],
  ])("moves a file with %s aside under a free name, never deleting it", (_, content, problem) => {
    const workspace = tempWorkspace("progress");
    mkdirSync(workspace, { recursive: true });
    const now = new Date("2030-01-02T03:04:05.678Z");
    for (const attempt of [1, 2]) {
      writeFileSync(join(workspace, "progress.json"), content);
      const { progress, notice } = readProgress(workspace, now);
      expect(progress).toEqual({ version: 1, exercises: {} });
      expect(notice?.problem).toContain(problem);
      const suffix = attempt === 1 ? "" : "-1";
      expect(notice?.movedTo).toBe(
        join(workspace, `progress.corrupt-2030-01-02T03-04-05-678Z${suffix}.json`),
      );
      expect(readFileSync(notice?.movedTo ?? "", "utf8")).toBe(content);
    }
    expect(existsSync(join(workspace, "progress.json"))).toBe(false);
  });

  it("makes the first exercise that is not done the current one", () => {
    const progress = { version: 1 as const, exercises: { "01-a": { done: true, hintsShown: 0 } } };
    const slugs = ["01-a", "02-b", "03-c"];
    expect(currentSlug(progress, slugs)).toBe("02-b");
    expect(slugs.map((slug) => statusOf(progress, slugs, slug))).toEqual(["done", "current", "not started"]);
  });
});

describe("the workspace", () => {
  it("copies starters without overwriting, and judges code files with read-only ones on top", () => {
    const workspace = tempWorkspace("files");
    const provided = exercise("02-b", {
      starter: { "main.ts": "// mine\n", "pocketflow.ts": "// the course's core\n" },
      readonly: ["pocketflow.ts"],
    });
    expect(copyMissingStarters(workspace, [exercise("01-a"), provided])).toEqual(["01-a", "02-b"]);
    writeFileSync(join(workspace, "01-a", "main.ts"), "// edited\n");
    writeFileSync(join(workspace, "02-b", "pocketflow.ts"), "// learner changed the read-only file\n");
    writeFileSync(join(workspace, "02-b", "notes.md"), "not code");
    expect(copyMissingStarters(workspace, [exercise("01-a"), provided])).toEqual([]);
    expect(readFileSync(join(workspace, "01-a", "main.ts"), "utf8")).toBe("// edited\n");
    expect(learnerFiles(workspace, provided)).toEqual({
      "main.ts": "// mine\n",
      "pocketflow.ts": "// the course's core\n",
    });
  });

  it("removes folders of runs whose process is gone, and only those", () => {
    const cacheDir = join(tempWorkspace("cache"), "learn");
    for (const name of ["run-999999999-abc", `run-${process.pid}-mine`, "other"]) {
      mkdirSync(join(cacheDir, name), { recursive: true });
    }
    removeStaleRuns(cacheDir);
    expect(readdirSync(cacheDir).sort()).toEqual(["other", `run-${process.pid}-mine`]);
  });
});

describe("the printed result", () => {
  const plain = (_: unknown, text: string) => text;
  const report = (extra: Partial<SuiteResult>): SuiteResult => ({
    engine: "node",
    status: "fail",
    durationMs: 1234,
    tests: [],
    output: "",
    limitMs: 30000,
    ...extra,
  });

  it("puts short values on one line and cuts long ones to a screenful", () => {
    expect(compactValue('{\n  "a": [\n    1,\n    2,\n  ],\n}')).toEqual(['{ "a": [ 1, 2 ] }']);
    const long = Array.from({ length: 40 }, (_, i) => `  "line ${i}: ${"x".repeat(10)}",`).join("\n");
    expect(compactValue(long)).toHaveLength(13);
    expect(compactValue(long).at(-1)).toBe("… (28 more lines)");
  });

  it("shows ✓/✗ per test, the summary, and the first failure with where it was thrown", () => {
    const lines = formatResult(
      exercise("01-a"),
      report({
        tests: [
          { name: "first › works", status: "pass" },
          { name: "second › breaks", status: "fail", message: "boom", at: "workspace/01-a/main.ts:3:9" },
          { name: "third › also breaks", status: "fail", message: "later" },
        ],
      }),
      plain,
    );
    expect(lines[0]).toMatch(/^▶ 01-a · Title of 01-a {2}\(\d\d:\d\d:\d\d, 1\.2 s\)$/);
    expect(lines.slice(1)).toEqual([
      "  ✓ first › works",
      "  ✗ second › breaks",
      "  ✗ third › also breaks",
      "1 passed, 2 failed",
      "",
      "First failure: second › breaks",
      "  boom",
      "  at workspace/01-a/main.ts:3:9",
    ]);
  });

  it("says when the code threw while loading, and where", () => {
    const problem = { kind: "load" as const, message: "Error: top-level boom", at: "ws/01-a/main.ts:1:7" };
    const lines = formatResult(exercise("01-a"), report({ status: "error", problem }), plain);
    expect(lines).toContain("Your code threw while the tests loaded it in ws/01-a/main.ts:1:7");
  });
});

describe("a long-running session", () => {
  it("keeps what another terminal wrote to progress.json meanwhile", async () => {
    const workspace = tempWorkspace("two-terminals");
    const exercises = () => [exercise("01-a"), exercise("02-b")];
    const watching = openSession(createContext(fakeTerminal().io, workspace, { exercises }));
    expect(await runCommand(["hint", "--workspace", workspace], fakeTerminal().io, { exercises })).toBe(0);
    watching.update((progress) => (entryOf(progress, "01-a").done = true));
    expect(JSON.parse(readFileSync(join(workspace, "progress.json"), "utf8"))).toMatchObject({
      exercises: { "01-a": { done: true, hintsShown: 1 } },
    });
    expect(watching.current()?.slug).toBe("02-b");
  });
});

describe("options", () => {
  it("uses LEARN_WORKSPACE, and --workspace over it", async () => {
    const fromEnv = tempWorkspace("env");
    const fromFlag = tempWorkspace("flag");
    const terminal = fakeTerminal();
    terminal.io.env = { LEARN_WORKSPACE: fromEnv };
    const exercises = () => [exercise("01-a")];
    expect(await runCommand(["list"], terminal.io, { exercises })).toBe(0);
    expect(existsSync(join(fromEnv, "01-a", "main.ts"))).toBe(true);
    expect(await runCommand(["list", "--workspace", fromFlag], terminal.io, { exercises })).toBe(0);
    expect(existsSync(join(fromFlag, "progress.json"))).toBe(true);
  });
});
