// The learn CLI's commands, run as a learner would, against a temporary workspace. Three of these
// runs start vitest for real (starter, syntax error, solution); the rest never run a suite.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand } from "./commands";
import { fakeTerminal, tempWorkspace, twoExercises, WHOLE_CORE } from "./testing";

const exercises = twoExercises();
const [whole] = exercises;
if (!whole) throw new Error("exercise 10 is missing");
const starter = whole.starter["pocketflow.ts"] ?? "";
const solution = whole.solution["pocketflow.ts"] ?? "";
const workspace = tempWorkspace("commands");
const learnerFile = join(workspace, WHOLE_CORE, "pocketflow.ts");
const progressFile = join(workspace, "progress.json");

/** Runs `npm run learn -- <args>` in the test workspace, typing `input` first if given. */
async function learn(args: string[], input?: string) {
  const terminal = fakeTerminal();
  if (input !== undefined) terminal.type(input);
  const code = await runCommand([...args, "--workspace", workspace], terminal.io, {
    exercises: () => exercises,
  });
  return { code, out: terminal.out(), err: terminal.err() };
}

const readProgressFile = () => JSON.parse(readFileSync(progressFile, "utf8")) as unknown;
const statusLine = (out: string, slug: string) => out.split("\n").find((line) => line.includes(slug)) ?? "";

// A run of exercise 10's suite takes a few seconds, more while other test files run beside it.
describe("npm run learn", { timeout: 30_000 }, () => {
  it("copies every exercise's starter files into the workspace on the first run", async () => {
    const { code, out } = await learn(["list"]);
    expect(code).toBe(0);
    expect(out).toContain("Created your workspace");
    expect(readFileSync(learnerFile, "utf8")).toBe(starter);
    expect(existsSync(join(workspace, "11-second-copy", "pocketflow.ts"))).toBe(true);
    expect(readProgressFile()).toEqual({
      version: 1,
      exercises: {
        [WHOLE_CORE]: { done: false, hintsShown: 0 },
        "11-second-copy": { done: false, hintsShown: 0 },
      },
    });
  });

  it("never overwrites a file the learner already has", async () => {
    writeFileSync(learnerFile, "// my own work\n");
    const { out } = await learn(["list"]);
    expect(out).not.toContain("Created your workspace");
    expect(readFileSync(learnerFile, "utf8")).toBe("// my own work\n");
    writeFileSync(learnerFile, starter);
  });

  it("lists every exercise with its status and title", async () => {
    const { code, out } = await learn(["list"]);
    expect(code).toBe(0);
    expect(statusLine(out, WHOLE_CORE)).toMatch(/current .*Review the whole core/);
    expect(statusLine(out, "11-second-copy")).toMatch(/not started .*The same, once more/);
    expect(out).toContain("0 of 2 exercises done");
  });

  it("run on the starter fails (exit code 1) and prints the failing test with expected and actual", async () => {
    const { code, out } = await learn(["run", WHOLE_CORE]);
    expect(code).toBe(1);
    expect(out).toContain(`▶ ${WHOLE_CORE} · Review the whole core`);
    expect(out).toMatch(/^\d+ passed, [1-9]\d* failed$/m);
    const failing = /^First failure: (.+)$/m.exec(out)?.[1] ?? "";
    expect(out).toContain(`✗ ${failing}`);
    expect(out).toMatch(/^ {2}Expected: .+\n {2}Actual: {3}.+/m);
    expect(out).toMatch(/✓ /);
  });

  it("a syntax error shows the file, line and column", async () => {
    const lines = starter.split("\n");
    const broken = [...lines.slice(0, 8), "const answer = ;", ...lines.slice(8)].join("\n");
    writeFileSync(learnerFile, broken);
    const { code, out } = await learn(["run", "10"]); // the start of a slug names it too
    expect(code).toBe(1);
    expect(out).toContain(`Syntax error in ${learnerFile}:9:16`);
    expect(out).toContain("const answer = ;");
    expect(out).not.toContain(".cache");
  });

  it("with the solution, run passes (exit code 0), marks the exercise done and moves on", async () => {
    writeFileSync(learnerFile, solution);
    const { code, out } = await learn(["run", WHOLE_CORE]);
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+ passed, 0 failed$/m);
    expect(out).toContain(`✔ ${WHOLE_CORE} is done`);
    expect(out).toContain("Next: 11-second-copy — The same, once more");
    expect(out).toContain(join(workspace, "11-second-copy", "pocketflow.ts"));
    const list = (await learn(["list"])).out;
    expect(statusLine(list, WHOLE_CORE)).toMatch(/done/);
    expect(statusLine(list, "11-second-copy")).toMatch(/current/);
    expect(readProgressFile()).toMatchObject({ exercises: { [WHOLE_CORE]: { done: true } } });
  });

  it("reset asks first: n keeps the learner's code, y restores the starter", async () => {
    const question = `Restore the starter of ${WHOLE_CORE}? Your code will be replaced. [y/N]`;
    const kept = await learn(["reset", WHOLE_CORE], "n");
    expect(kept.out).toContain(question);
    expect(kept.out).toContain("Kept your code");
    expect(readFileSync(learnerFile, "utf8")).toBe(solution);
    const restored = await learn(["reset", WHOLE_CORE], "y");
    expect(restored.out).toContain(question);
    expect(readFileSync(learnerFile, "utf8")).toBe(starter);
    expect((await learn(["reset", "99-nothing"], "y")).code).toBe(1);
  });

  it("hint reveals the current exercise's ladder one rung at a time, then says none are left", async () => {
    const hints = whole.meta.hints;
    const first = await learn(["hint"]);
    expect(first.out).toContain("Hint 1 of 3 for 11-second-copy");
    expect(first.out).toContain(hints[0]);
    expect(first.out).not.toContain(hints[1]);
    const second = await learn(["hint"]);
    expect(second.out).toContain("Hint 2 of 3");
    expect(second.out).toContain(hints[1]);
    expect((await learn(["hint"])).out).toContain(hints[2]);
    expect((await learn(["hint"])).out).toContain("No hints left for 11-second-copy");
    expect(readProgressFile()).toMatchObject({ exercises: { "11-second-copy": { hintsShown: 3 } } });
    expect(statusLine((await learn(["list"])).out, "11-second-copy")).toContain("(3/3 hints)");
  });

  it("keeps progress of exercises it does not know (a course update may bring them back)", async () => {
    const saved = readProgressFile() as { exercises: Record<string, unknown> };
    saved.exercises["99-from-the-future"] = { done: true, hintsShown: 1, stars: 5 };
    writeFileSync(progressFile, JSON.stringify(saved));
    await learn(["hint", WHOLE_CORE]);
    expect(readProgressFile()).toMatchObject({
      exercises: {
        "99-from-the-future": { done: true, stars: 5 },
        [WHOLE_CORE]: { done: true, hintsShown: 1 },
      },
    });
  });

  it.each([
    ["is not JSON", "{ done: yes", "not valid JSON"],
    ["has an unknown version", JSON.stringify({ version: 7, exercises: {} }), "its version is 7"],
  ])(
    "moves a progress.json that %s aside with a notice, leaving the code alone",
    async (_, content, reason) => {
      writeFileSync(learnerFile, "// still mine\n");
      writeFileSync(progressFile, content);
      const { code, err } = await learn(["list"]);
      expect(code).toBe(0);
      expect(err).toContain(`${progressFile} could not be read`);
      expect(err).toContain(reason);
      const aside = readdirSync(workspace).filter((name) => name.startsWith("progress.corrupt-"));
      const movedTo = aside.find((name) => readFileSync(join(workspace, name), "utf8") === content);
      expect(movedTo).toBeDefined();
      expect(err).toContain(`moved to ${join(workspace, movedTo ?? "")}`);
      expect(readProgressFile()).toMatchObject({ version: 1, exercises: { [WHOLE_CORE]: { done: false } } });
      expect(readFileSync(learnerFile, "utf8")).toBe("// still mine\n");
    },
  );

  it("prints help, and refuses unknown commands with exit code 2", async () => {
    const help = await learn(["help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("Usage: npm run learn");
    const unknown = await learn(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("Unknown command: frobnicate");
  });
});
