// The learn CLI's judge tells the same truth as the page: a second file that does not load, an
// error that escapes the tests and a thrown non-Error each make a run that cannot read as a pass.
// These start vitest for real (one run each, in a throw-away folder).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadExercise, projectRoot } from "../../src/lib/exercises/load";
import { formatResult } from "./format";
import { runSuite } from "./suite";

const nodeLesson = loadExercise("02-the-node");
const cacheDir = join(projectRoot, ".cache", "learn");
const judge = (files: Record<string, string>) =>
  runSuite(nodeLesson, files, { cacheDir, learnerDir: "/learner/02", show: (path) => path });
const solution = (file: string) => nodeLesson.solution[file] ?? "";
const printed = (result: Awaited<ReturnType<typeof judge>>) =>
  formatResult(nodeLesson, result, (_, text) => text).join("\n");

describe("learn's judge", { timeout: 60_000 }, () => {
  it("makes a second file's syntax error an error that names it, with its tests not run", async () => {
    const broken = solution("nodes.ts").replace("return shared.text;", "return shared.text +;");
    const line = broken.split("\n").findIndex((text) => text.includes("shared.text +;")) + 1;
    const result = await judge({ "pocketflow.ts": solution("pocketflow.ts"), "nodes.ts": broken });
    expect(result.status).toBe("error");
    expect(result.tests.length).toBeGreaterThan(0);
    expect(result.tests.every((test) => test.status === "pass")).toBe(true);
    expect(result.notRun?.length).toBeGreaterThan(0);
    expect(result.problems?.[0]).toMatchObject({
      kind: "load",
      testFile: "tests/nodes.test.ts",
      location: { file: "nodes.ts", line },
    });
    const text = printed(result);
    expect(text).toMatch(/\d+ passed, 0 failed, [1-9]\d* did not run/);
    expect(text).toContain(`Syntax error in /learner/02/nodes.ts:${line}:`);
    expect(text).toMatch(/tests\/nodes\.test\.ts did not load, so [1-9]\d* tests did not run\./);
  });

  it("fails a run with an unhandled rejection, and reports thrown objects in words", async () => {
    const nodes = solution("nodes.ts")
      .replace(
        "return shared.text;",
        'if (shared.text === "read me") throw { weird: true };\n    return shared.text;',
      )
      .concat('\nvoid Promise.reject(new Error("nobody awaited me"));\n');
    const result = await judge({ "pocketflow.ts": solution("pocketflow.ts"), "nodes.ts": nodes });
    expect(result.status).toBe("error");
    expect(
      result.problems?.some(
        (problem) => problem.kind === "unhandled" && problem.message === "nobody awaited me",
      ),
    ).toBe(true);
    const text = printed(result);
    expect(text).toContain("An error escaped the tests");
    const weird = result.tests.find((test) => test.message?.includes("weird"));
    expect(weird?.message).toBe("The code threw a value that is not an Error: { weird: true }");
  });
});
