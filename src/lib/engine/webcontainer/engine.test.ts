// The WebContainer engine against the fake runtime: what it mounts where, snapshot or install, how a
// run's reports become a TestReport, timeouts, failed and stuck boots, and reuse across runs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { StartFailure } from "./availability";
import {
  createWebContainerEngine,
  SandboxFailure,
  type EngineStatus,
  type WebContainerEngineOptions,
} from "./engine";
import { createFakeRuntime, type FakeRuntimeOptions } from "./fake-runtime";
import { EXERCISE_DIR, JSON_REPORT, projectHash } from "./layout";
import { isVitest, processes, progressLine, projectFiles, snapshotFor, vitestScript } from "./testing";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const matchers = {
  json: fixture("engine-matchers.report.json"),
  details: fixture("engine-matchers.details.json"),
};
const files = {
  "calc.ts": "export const add = (a: number, b: number) => a + b;\n",
  "lib.ts": "export {};\n",
};
const tests = { "tests/matchers.test.ts": "// suite", "tests/isolation.test.ts": "// suite" };

async function setUp(
  runtime: FakeRuntimeOptions = {},
  snapshot: "fits" | "stale" | "none" = "fits",
  extra: Pick<WebContainerEngineOptions, "planSuite" | "tracerSources"> = {},
) {
  const hash = await projectHash(projectFiles);
  const fake = createFakeRuntime({ processes: processes(() => vitestScript(matchers)), ...runtime });
  const statuses: EngineStatus["phase"][] = [];
  const engine = createWebContainerEngine({
    runtime: fake,
    project: { hash, files: projectFiles },
    loadSnapshot: async () =>
      snapshot === "none"
        ? undefined
        : snapshotFor(snapshot === "fits" ? hash : "0000", {
            "node_modules/.bin/vitest": "../vitest/vitest.mjs",
          }),
    limits: { bootMs: 50, vitestStartMs: 200 },
    ...extra,
  });
  engine.onStatus((status) => statuses.push(status.phase));
  return { fake, engine, statuses, hash };
}

describe("starting", () => {
  it("boots once, mounts the snapshot that fits, links node_modules/.bin and makes the target executable", async () => {
    const { fake, engine, statuses } = await setUp();
    await Promise.all([engine.start(), engine.start()]);
    expect(fake.boots).toBe(1);
    expect(statuses).toEqual(["booting", "setting-up", "ready"]);
    expect(engine.status).toEqual({ phase: "ready", from: "snapshot" });
    expect(fake.files.files.has("node_modules/vitest/vitest.mjs")).toBe(true);
    expect(fake.files.links.get("node_modules/.bin/vitest")).toBe("../vitest/vitest.mjs");
    expect(fake.spawns.map((call) => [call.command, ...call.args])).toEqual([
      ["chmod", "+x", "node_modules/vitest/vitest.mjs"],
    ]);
  });

  it.each(["stale", "none"] as const)(
    "installs from the lock file when the snapshot is %s",
    async (snapshot) => {
      const { fake, engine } = await setUp({}, snapshot);
      const output: string[] = [];
      engine.onOutput((event) => output.push(event.type === "text" ? event.text : `$ ${event.command}`));
      await engine.start();
      expect(engine.status).toEqual({ phase: "ready", from: "install" });
      for (const name of Object.keys(projectFiles))
        expect(fake.files.read(name)).toBe(projectFiles[name as "package.json"]);
      expect(fake.spawns.at(-1)?.command).toBe("npm");
      expect(fake.spawns.at(-1)?.args.slice(0, 1)).toEqual(["ci"]);
      // The Terminal shows the install.
      expect(output.join("")).toContain("$ npm ci");
      expect(engine.lastOutput).toContain("npm done");
    },
  );

  it("fails with the npm exit code when the install fails", async () => {
    const { engine } = await setUp({ processes: () => ({ exitCode: 1 }) }, "none");
    const failure = await engine.start().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StartFailure);
    expect((failure as StartFailure).failure.cause).toBe("install");
    expect(engine.status.phase).toBe("failed");
  });

  it("gives up on a boot that never settles, naming the likely cause from what the page saw", async () => {
    const { engine, statuses } = await setUp({ boot: "hang", evidence: { frameAnswered: false } });
    const failure = (await engine.start().catch((error: unknown) => error)) as StartFailure;
    expect(failure.failure.cause).toBe("unreachable");
    expect(failure.message).toMatch(/did not answer within .*ad blocker/);
    expect(statuses).toEqual(["booting", "failed"]);
  });

  it("names blocked third-party storage when the runtime frame answered but never finished", async () => {
    const { engine } = await setUp({ boot: "hang", evidence: { frameAnswered: true } });
    const failure = (await engine.start().catch((error: unknown) => error)) as StartFailure;
    expect(failure.failure.cause).toBe("blocked");
    expect(failure.message).toMatch(/third-party cookies or storage for stackblitz\.com/);
  });

  it("reports a boot that throws, and a run afterwards is a sandbox failure, not a test result", async () => {
    const { engine } = await setUp({ boot: new Error("Unable to create more instances") });
    await expect(engine.start()).rejects.toThrow(/could not start \(Unable to create more instances\)/);
    await expect(engine.run(files, tests, { timeoutMs: 1000 })).rejects.toBeInstanceOf(SandboxFailure);
  });
});

describe("a run", () => {
  it("mounts the learner's files at the exercise root and the suite below it, then reads vitest's reports", async () => {
    const { fake, engine } = await setUp();
    const report = await engine.run(files, tests, { timeoutMs: 1000 });
    expect(fake.files.read(`${EXERCISE_DIR}/calc.ts`)).toBe(files["calc.ts"]);
    expect(fake.files.read(`${EXERCISE_DIR}/tests/matchers.test.ts`)).toBe("// suite");
    const vitest = fake.spawns.find(isVitest);
    expect(vitest?.args).toContain("--testTimeout=1000");
    expect(vitest?.options.env).toMatchObject({ POCKETFLOW_PROGRESS: "1" });
    expect(report.engine).toBe("webcontainer");
    expect(report.status).toBe("fail");
    const byName = new Map(report.tests.map((test) => [test.name, test]));
    expect(byName.get("expect › fails toEqual with expected and actual")).toEqual({
      name: "expect › fails toEqual with expected and actual",
      status: "fail",
      message: "expected 2 to deeply equal 3",
      expected: "3",
      actual: "2",
    });
    expect(byName.get("names > with arrows › keeps nested > names")?.status).toBeUndefined();
    expect(byName.get("names › with arrows › keeps nested › names")?.status).toBe("pass");
    expect(report.output).toContain("tests/matchers.test.ts: setup failed");
  });

  it("names the tests of a file that did not load as not run, from the planner it was given", async () => {
    const syntaxError = {
      json: fixture("engine-syntax-error.report.json"),
      details: fixture("engine-syntax-error.details.json"),
    };
    const planned: Record<string, string>[] = [];
    const { engine } = await setUp({ processes: processes(() => vitestScript(syntaxError)) }, "fits", {
      planSuite: (suite) => {
        planned.push(suite);
        return Promise.resolve({ "tests/load.test.ts": ["loading › imports the learner's file"] });
      },
    });
    const suite = { "tests/load.test.ts": "// suite" };
    const report = await engine.run({ "pocketflow.ts": "export const x = ;\n" }, suite, { timeoutMs: 1000 });
    expect(report.status).toBe("error");
    expect(report.problems?.[0]).toMatchObject({ kind: "load", testFile: "tests/load.test.ts" });
    expect(report.notRun).toEqual(["loading › imports the learner's file"]);
    expect(planned).toEqual([suite]);
  });

  it("adds the trace capture and its setup to a traced run only, and asks vitest for it", async () => {
    const { fake, engine } = await setUp({}, "fits", {
      tracerSources: () => Promise.resolve({ "core/trace.ts": "export {};\n" }),
    });
    await engine.run(files, tests, { timeoutMs: 1000, trace: true });
    expect(fake.files.files.has(`${EXERCISE_DIR}/.trace/setup.ts`)).toBe(true);
    expect(fake.files.read(`${EXERCISE_DIR}/.trace/core/trace.ts`)).toBe("export {};\n");
    expect(fake.spawns.filter(isVitest).at(-1)?.options.env).toMatchObject({ POCKETFLOW_TRACE: "1" });

    await engine.run(files, tests, { timeoutMs: 1000 });
    expect(fake.files.files.has(`${EXERCISE_DIR}/.trace/setup.ts`)).toBe(false);
    expect(fake.spawns.filter(isVitest).at(-1)?.options.env).not.toHaveProperty("POCKETFLOW_TRACE");
  });

  it("does not ask the planner when every file loaded", async () => {
    let asked = 0;
    const { engine } = await setUp({}, "fits", { planSuite: () => Promise.resolve((asked += 1) && {}) });
    await engine.run(files, tests, { timeoutMs: 1000 });
    expect(asked).toBe(0);
  });

  it("writes only what changed on the next run, and removes files the next suite does not have", async () => {
    const { fake, engine } = await setUp();
    await engine.run(files, tests, { timeoutMs: 1000 });
    const before = fake.files.writes.length;
    const changed = { ...files, "calc.ts": "export const add = () => 0;\n" };
    await engine.run(changed, { "tests/matchers.test.ts": "// suite" }, { timeoutMs: 1000 });
    const writes = fake.files.writes.slice(before).filter((path) => path.startsWith(EXERCISE_DIR));
    expect(writes).toEqual([`${EXERCISE_DIR}/calc.ts`]);
    expect(fake.files.files.has(`${EXERCISE_DIR}/tests/isolation.test.ts`)).toBe(false);
    expect(fake.boots).toBe(1);
  });

  it("clears the last run's reports first, so a run that writes none is never read as passing", async () => {
    let runs = 0;
    const { engine } = await setUp({
      processes: processes(() => (++runs === 1 ? vitestScript(matchers) : vitestScript({}, { exitCode: 1 }))),
    });
    await engine.run(files, tests, { timeoutMs: 1000 });
    await expect(engine.run(files, tests, { timeoutMs: 1000 })).rejects.toThrow(
      /exited with code 1 and left no readable JSON report/,
    );
  });

  it("keeps a run going without the details file: the JSON report alone names every test", async () => {
    const { engine } = await setUp({ processes: processes(() => vitestScript({ json: matchers.json })) });
    const report = await engine.run(files, tests, { timeoutMs: 1000 });
    const failed = report.tests.find(
      (test) => test.name === "expect › fails toEqual with expected and actual",
    );
    expect(failed?.message).toBe("expected 2 to deeply equal 3");
    expect(failed?.expected).toBeUndefined();
  });

  it("stops a run that makes no progress within the time limit, kills vitest and names the running test", async () => {
    const stuck = {
      output: [
        progressLine({ event: "file", path: "tests/loop.test.ts" }),
        progressLine({ event: "test-done", name: "loop > counts", state: "passed" }),
        progressLine({ event: "test-start", name: "loop > spins forever" }),
      ],
      exitCode: undefined,
    };
    const { fake, engine } = await setUp({ processes: processes(() => stuck) });
    const report = await engine.run(files, tests, { timeoutMs: 100 });
    expect(fake.killed.map((call) => call.command)).toEqual(["node"]);
    expect(report.status).toBe("timeout");
    expect(report.engine).toBe("webcontainer");
    expect(report.tests).toEqual([
      { name: "loop › counts", status: "pass" },
      { name: "loop › spins forever", status: "fail", message: expect.stringMatching(/still running/) },
    ]);
    expect(report.output).toMatch(
      /did not finish within 0\.1 s — did a loop never end\?.*“loop › spins forever”/,
    );
  });

  it("never lets late news of other tests extend a running test's limit", async () => {
    // vitest's batched events about an earlier test arrive after the stuck test started.
    const stuck = {
      output: [
        progressLine({ event: "file", path: "tests/loop.test.ts" }),
        progressLine({ event: "test-start", name: "loop > counts" }),
        progressLine({ event: "test-start", name: "loop > spins forever" }),
      ],
      later: [
        { afterMs: 300, text: progressLine({ event: "test-done", name: "loop > counts", state: "passed" }) },
        { afterMs: 600, text: progressLine({ event: "collected", path: "tests/loop.test.ts" }) },
        // Printed only by a run still going long after the running test's limit.
        { afterMs: 5000, text: "still running\r\n" },
      ],
      exitCode: undefined,
    };
    const { engine } = await setUp({ processes: processes(() => stuck) });
    const report = await engine.run(files, tests, { timeoutMs: 100 });
    // Stopped at the running test's limit (100 ms + 1 s grace), not 15 s after the late news.
    expect(engine.lastOutput).not.toContain("still running");
    expect(report.status).toBe("timeout");
    expect(report.tests.map((test) => [test.name, test.status])).toEqual([
      ["loop › counts", "pass"],
      ["loop › spins forever", "fail"],
    ]);
  });

  it("treats vitest that never starts as a sandbox failure, so the page can run the tests elsewhere", async () => {
    const { fake, engine } = await setUp({ processes: processes(() => ({ exitCode: undefined })) });
    await expect(engine.run(files, tests, { timeoutMs: 1000 })).rejects.toThrow(
      /vitest did not start within/,
    );
    expect(fake.killed).toHaveLength(1);
  });

  it("runs one run at a time and shows each run's own output", async () => {
    const { engine } = await setUp();
    const events: string[] = [];
    engine.onOutput((event) => events.push(event.type));
    const [first, second] = await Promise.all([
      engine.run(files, tests, { timeoutMs: 1000 }),
      engine.run(files, tests, { timeoutMs: 1000 }),
    ]);
    expect(first.status).toBe("fail");
    expect(second.status).toBe("fail");
    // run-start, its text, then the next run-start: never interleaved.
    expect(events.filter((type) => type === "run-start")).toHaveLength(2);
    expect(events.indexOf("run-start", 1)).toBeGreaterThan(events.indexOf("text"));
    expect(engine.lastOutput).toContain("RUN  v4.1.12");
    expect(engine.lastOutput).not.toContain("@@pocketflow");
  });

  it("refuses paths outside the exercise folder", async () => {
    const { fake, engine } = await setUp();
    await expect(engine.run({ "../package.json": "{}" }, tests, { timeoutMs: 1000 })).rejects.toThrow(
      /not inside the workspace: \.\.\/package\.json/,
    );
    expect(fake.files.files.has(JSON_REPORT)).toBe(false);
  });
});
