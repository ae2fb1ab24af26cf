// Watch mode end to end, and the guard against a learner's endless loop. Both start vitest for real.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { projectRoot } from "../../src/lib/exercises/load";
import { runCommand } from "./commands";
import { formatResult } from "./format";
import { runSuite } from "./suite";
import { fakeTerminal, tempWorkspace, twoExercises, WHOLE_CORE } from "./testing";

const exercises = twoExercises();
const [whole] = exercises;
if (!whole) throw new Error("exercise 10 is missing");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it(
  "watch mode re-runs on save, moves on to the next exercise after a full pass, stops on Ctrl+C",
  { timeout: 60_000 },
  async () => {
    const workspace = tempWorkspace("watch");
    const terminal = fakeTerminal();
    const options = { exercises: () => exercises, debounceMs: 150 };
    const watching = runCommand(["--workspace", workspace], terminal.io, options);

    await terminal.waitFor(" failed\n"); // the first run, on the starter
    expect(terminal.out()).toContain(`Now: ${WHOLE_CORE} — Review the whole core`);
    expect(terminal.out()).toContain(`Edit ${join(workspace, WHOLE_CORE, "pocketflow.ts")}`);
    expect(terminal.out()).toMatch(/^\d+ passed, [1-9]\d* failed$/m);
    await terminal.waitFor("save a file to run the tests again");

    terminal.type("h");
    await terminal.waitFor(`Hint 1 of 3 for ${WHOLE_CORE}`);

    // An editor's save is several writes: they must cause a single run.
    for (let i = 0; i < 3; i++) {
      writeFileSync(join(workspace, WHOLE_CORE, "pocketflow.ts"), whole.solution["pocketflow.ts"] ?? "");
      await sleep(20);
    }
    await terminal.waitFor(`✔ ${WHOLE_CORE} is done`);
    expect(terminal.out()).toContain(`Next: 11-second-copy — The same, once more`);
    expect(terminal.out()).toContain(`Edit ${join(workspace, "11-second-copy", "pocketflow.ts")}`);
    expect(terminal.out().split(`▶ ${WHOLE_CORE} ·`).length - 1).toBe(2);

    // Ctrl+C while the next exercise's first run is under way: the run is cancelled, nothing half-printed
    terminal.pressCtrlC();
    expect(await watching).toBe(0);
    expect(terminal.out()).toMatch(/is done\. Progress saved\.\n(.*\n){2}Stopped watching/);
    const progress = JSON.parse(readFileSync(join(workspace, "progress.json"), "utf8")) as unknown;
    expect(progress).toMatchObject({
      exercises: { [WHOLE_CORE]: { done: true, hintsShown: 1 }, "11-second-copy": { done: false } },
    });
  },
);

it(
  "stops a run that never ends and says that an endless loop is the likely cause",
  { timeout: 30_000 },
  async () => {
    const cacheDir = join(projectRoot, ".cache", "learn");
    const looping = (whole.starter["pocketflow.ts"] ?? "").replace(
      "// #region types",
      "while (true) {}\n// #region types",
    );
    const result = await runSuite(
      whole,
      { "pocketflow.ts": looping },
      { cacheDir, learnerDir: "/learner/10", show: (path) => path, limitMs: 2000 },
    );
    expect(result.status).toBe("timeout");
    expect(result.durationMs).toBeLessThan(10_000);
    const printed = formatResult(whole, result, (_, text) => text).join("\n");
    // It says how many tests never ran: the loop stops every file from loading.
    expect(printed).toMatch(/Stopped after 2 s: the tests did not finish \([1-9]\d* tests did not run\)\./);
    expect(result.notRun?.length).toBeGreaterThan(0);
    expect(printed).toContain("endless loop");
    const leftovers = readdirSync(cacheDir).filter((name) => name.startsWith(`run-${process.pid}-`));
    expect(leftovers).toEqual([]);
  },
);
