// The terminal's carry-forward, on the real exercises 04 → 05: no suite runs, only files and progress.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadExercise } from "../../src/lib/exercises/load";
import { carryInto } from "./carry";
import { runCommand } from "./commands";
import { createContext } from "./context";
import { entryOf } from "./progress";
import { openSession } from "./session";
import { fakeTerminal, tempWorkspace } from "./testing";

const previous = loadExercise("04-shared-store-and-params");
const next = loadExercise("05-transitions");
const exercises = [previous, next];
const MINE = "// mine: my own retry loop, kept";

/** Exercise 04's reference solution, as a learner who wrote it plus one line of their own in Node. */
const learnerFile = () =>
  (previous.solution["pocketflow.ts"] ?? "").replace(
    "  protected _attempt(",
    `  ${MINE}\n  protected _attempt(`,
  );

function setUp(name: string, { previousDone = true, file = learnerFile() } = {}) {
  const workspace = tempWorkspace(name);
  const terminal = fakeTerminal();
  const session = openSession(createContext(terminal.io, workspace, { exercises: () => exercises }));
  writeFileSync(join(workspace, previous.slug, "pocketflow.ts"), file);
  if (previousDone) session.update((progress) => (entryOf(progress, previous.slug).done = true));
  const target = join(workspace, next.slug, "pocketflow.ts");
  return { workspace, terminal, session, target, read: () => readFileSync(target, "utf8") };
}

describe("carrying pocketflow.ts forward in the terminal", () => {
  it("starts the next exercise from the learner's file of the previous one, with its TODOs, once", () => {
    const { session, terminal, read } = setUp("carry");
    expect(carryInto(session, next)).toBe(true);
    expect(read()).toContain(MINE);
    expect(read()).toContain("TODO: next:");
    expect(terminal.out()).toContain("starts from your");
    // Once carried, never again: the learner's edits in 05 are theirs.
    expect(carryInto(session, next)).toBe(false);
  });

  it("keeps the reference starter, and says how to carry anyway, when the previous exercise does not pass", () => {
    const { session, terminal, read } = setUp("not-done", { previousDone: false });
    expect(carryInto(session, next)).toBe(false);
    expect(read()).toBe(next.starter["pocketflow.ts"]);
    expect(terminal.out()).toContain("does not pass yet");
    expect(terminal.out()).toContain("npm run learn -- carry 05-transitions");
  });

  it("names the lost region marker and keeps the reference starter", () => {
    const file = learnerFile().replace("// #region node\n", "").replace("// #endregion node\n", "");
    const { session, terminal, read } = setUp("no-markers", { file });
    expect(carryInto(session, next)).toBe(false);
    expect(read()).toBe(next.starter["pocketflow.ts"]);
    expect(terminal.out()).toContain("// #region node");
  });

  it("reset goes to the reference starter for good; carry brings the learner's code back", async () => {
    const { workspace, session, read } = setUp("reset");
    carryInto(session, next);
    const learn = async (args: string[]) => {
      const terminal = fakeTerminal();
      terminal.type("y");
      const code = await runCommand([...args, "--workspace", workspace], terminal.io, {
        exercises: () => exercises,
      });
      return { code, out: terminal.out() };
    };
    const reset = await learn(["reset", "05"]);
    expect(reset.out).toContain("npm run learn -- carry 05-transitions");
    expect(read()).toBe(next.starter["pocketflow.ts"]);
    const again = await learn(["carry", "05"]);
    expect(again.code).toBe(0);
    expect(read()).toContain(MINE);
  });
});
