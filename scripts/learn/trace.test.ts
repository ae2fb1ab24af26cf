// `npm run learn -- trace`: the trace of each failing test, from a real run of the suite with the
// tracer installed around the provided core. One run of exercise 16's suite starts vitest for real.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadExercise } from "../../src/lib/exercises/load";
import { runCommand } from "./commands";
import { fakeTerminal, tempWorkspace, WHOLE_CORE } from "./testing";
import { tracedSuite, traceLines } from "./trace";

const agent = loadExercise("16-agent");
const workspace = tempWorkspace("trace");

async function learn(args: string[]) {
  const terminal = fakeTerminal();
  const code = await runCommand([...args, "--workspace", workspace], terminal.io, {
    exercises: () => [loadExercise(WHOLE_CORE), agent],
  });
  return { code, out: terminal.out(), err: terminal.err() };
}

describe("npm run learn -- trace", { timeout: 60_000 }, () => {
  it("prints what the flow did in each failing test: nodes, actions, and changes to the store", async () => {
    // The agent's solution with one bug: SearchWeb's action has no edge, so the loop stops after one search.
    const buggy = (agent.solution["agent.ts"] ?? "").replace('return "decide";', 'return "decidee";');
    mkdirSync(join(workspace, agent.slug), { recursive: true });
    writeFileSync(join(workspace, agent.slug, "agent.ts"), buggy);
    const { code, out } = await learn(["trace", "16"]);
    expect(code, out).toBe(1);
    expect(out).toContain("✗ a run: search twice, then answer › takes the steps the model chose, in order");
    expect(out).toMatch(/ {6}2\. Decide → "search" {2}\(/);
    expect(out).toContain('+ query = "nobel physics 2024"');
    expect(out).toMatch(/ {6}3\. SearchWeb → "decidee"/);
    expect(out).toMatch(/^\d+ of \d+ tests pass\.$/m);
  });

  it("explains that part 1's exercises have no provided core to trace", async () => {
    const { code, err } = await learn(["trace", WHOLE_CORE]);
    expect(code).toBe(1);
    expect(err).toContain("builds the core itself, so there is no provided core to trace");
  });
});

describe("tracedSuite", () => {
  it("follows each test file with one import of the setup, keeping every line where it was", () => {
    const exercise = {
      ...agent,
      tests: { "tests/a.test.ts": "line 1\nline 2", "tests/earlier/b.test.ts": "x" },
    };
    const suite = tracedSuite(exercise, "/tmp/out");
    expect(suite["tests/a.test.ts"]).toBe('line 1\nline 2\nimport "./__trace__/setup";\n');
    expect(suite["tests/earlier/b.test.ts"]).toBe('x\nimport "../__trace__/setup";\n');
    expect(suite["tests/__trace__/setup.ts"]).toContain('import * as core from "../../pocketflow";');
    expect(Object.keys(suite)).toContain("tests/__trace__/trace/recorder.ts");
  });

  it("says so when a test ran no flow", () => {
    expect(traceLines(undefined)).toEqual([
      "(no flow ran in this test: it called the nodes' hooks directly)",
    ]);
  });
});
