// The engine policy of the page, with a scripted worker and the WebContainer engine on the fake
// runtime: the worker answers at once; the WebContainer takes runs once ready; a failed boot falls
// back with its cause and is remembered for the visit; a pinned engine is remembered.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TestReport } from "../lib/engine/report";
import { createWebContainerEngine } from "../lib/engine/webcontainer/engine";
import { createFakeRuntime, type FakeRuntimeOptions } from "../lib/engine/webcontainer/fake-runtime";
import { projectHash } from "../lib/engine/webcontainer/layout";
import { processes, projectFiles, snapshotFor, vitestScript } from "../lib/engine/webcontainer/testing";
import { CHOICE_KEY, createEngineSwitch, FAILURE_KEY, type EngineState } from "./engine";
import { MemoryStorage } from "./progress-store";

const fixture = (name: string) =>
  readFileSync(new URL(`../lib/engine/webcontainer/fixtures/${name}`, import.meta.url), "utf8");
const reports = {
  json: fixture("engine-matchers.report.json"),
  details: fixture("engine-matchers.details.json"),
};
const workerReport: TestReport = { engine: "worker", status: "pass", durationMs: 1, tests: [], output: "" };

interface Setup {
  runtime?: FakeRuntimeOptions;
  supported?: boolean;
  preferences?: MemoryStorage;
  visit?: MemoryStorage;
}

async function setUp({ runtime = {}, supported = true, preferences, visit }: Setup = {}) {
  const hash = await projectHash(projectFiles);
  const fake = createFakeRuntime({ processes: processes(() => vitestScript(reports)), ...runtime });
  const calls = { worker: 0, prepared: 0, loadedWebContainer: 0, reloads: 0, hints: [] as unknown[] };
  const engines = createEngineSwitch({
    worker: async () => ({
      name: "worker",
      run: async () => {
        calls.worker += 1;
        return workerReport;
      },
      prepare: async (hint?: unknown) => {
        calls.prepared += 1;
        calls.hints.push(hint);
      },
    }),
    webContainer: async () => {
      calls.loadedWebContainer += 1;
      return createWebContainerEngine({
        runtime: fake,
        project: { hash, files: projectFiles },
        loadSnapshot: async () => snapshotFor(hash),
        limits: { bootMs: 30 },
      });
    },
    support: supported ? { supported: true } : { supported: false, reason: "not isolated" },
    preferences: preferences ?? new MemoryStorage(),
    visit: visit ?? new MemoryStorage(),
    reload: () => (calls.reloads += 1),
  });
  const states: EngineState[] = [];
  engines.subscribe((state) => states.push(state));
  return { engines, fake, calls, states };
}

/** Resolves when the WebContainer reaches `phase`. */
const reach = (engines: ReturnType<typeof createEngineSwitch>, phase: string) =>
  new Promise<void>((resolve) => {
    if (engines.state.webcontainer.phase === phase) return resolve();
    const stop = engines.subscribe((state) => state.webcontainer.phase === phase && (stop(), resolve()));
  });

const run = (engines: ReturnType<typeof createEngineSwitch>) => engines.run({}, {}, { timeoutMs: 1000 });

describe("the engine policy", () => {
  it("loads nothing until the workspace is prepared, then boots the WebContainer in the background", async () => {
    const { engines, calls, fake } = await setUp();
    expect(calls.loadedWebContainer).toBe(0);
    await engines.prepare?.();
    expect(calls.prepared).toBe(1);
    await reach(engines, "ready");
    expect(fake.boots).toBe(1);
  });

  it("hands the worker the files and suite to prepare, so the first run finds them compiled", async () => {
    const { engines, calls } = await setUp({ supported: false });
    const hint = { files: { "a.ts": "export {};" }, tests: { "tests/a.test.ts": "// suite" } };
    await engines.prepare?.(hint);
    expect(calls.hints).toEqual([hint]);
  });

  it("answers with the worker while the WebContainer starts, and says so", async () => {
    const { engines, calls } = await setUp({ runtime: { boot: "hang" } });
    await engines.prepare?.();
    expect(engines.state.webcontainer.phase).toBe("starting");
    const report = await run(engines);
    expect(report.engine).toBe("worker");
    expect(calls.worker).toBe(1);
    expect(engines.state.lastRun).toEqual({
      engine: "worker",
      note: expect.stringMatching(/still starting/),
    });
  });

  it("gives runs to the WebContainer once it is ready, and reuses it across runs", async () => {
    const { engines, calls, fake } = await setUp();
    await engines.prepare?.();
    await reach(engines, "ready");
    const first = await run(engines);
    const second = await run(engines);
    expect([first.engine, second.engine]).toEqual(["webcontainer", "webcontainer"]);
    expect(calls.worker).toBe(0);
    expect(fake.boots).toBe(1);
    expect(engines.state.lastRun).toEqual({ engine: "webcontainer" });
  });

  it("falls back to the worker when the boot passes its limit, names the cause and remembers it for the visit", async () => {
    const visit = new MemoryStorage();
    const { engines } = await setUp({ runtime: { boot: "hang", evidence: { frameAnswered: false } }, visit });
    await engines.prepare?.();
    await reach(engines, "failed");
    const { webcontainer } = engines.state;
    expect(webcontainer.phase === "failed" && webcontainer.message).toMatch(
      /did not answer.*offline engine instead/,
    );
    expect((await run(engines)).engine).toBe("worker");
    expect(engines.state.lastRun?.note).toBeUndefined();
    expect(visit.getItem(FAILURE_KEY)).toMatch(/did not answer/);

    // The next lesson page of the visit does not boot again.
    const next = await setUp({ visit });
    await next.engines.prepare?.();
    expect(next.engines.state.webcontainer.phase).toBe("failed");
    expect(next.calls.loadedWebContainer).toBe(0);
  });

  it("falls back when the boot throws", async () => {
    const { engines } = await setUp({ runtime: { boot: new Error("SharedArrayBuffer is not defined") } });
    await engines.prepare?.();
    await reach(engines, "failed");
    expect(engines.state.webcontainer).toMatchObject({ message: expect.stringMatching(/SharedArrayBuffer/) });
  });

  it("never boots where the WebContainer is not supported", async () => {
    const { engines, calls } = await setUp({ supported: false });
    await engines.prepare?.();
    expect(engines.state.webcontainer).toEqual({ phase: "unsupported", reason: "not isolated" });
    expect(calls.loadedWebContainer).toBe(0);
    expect((await run(engines)).engine).toBe("worker");
  });

  it("runs in the worker when the WebContainer cannot run vitest, and stops sending it runs", async () => {
    const { engines, calls } = await setUp({ runtime: { processes: processes(() => ({ exitCode: 127 })) } });
    await engines.prepare?.();
    await reach(engines, "ready");
    const report = await run(engines);
    expect(report.engine).toBe("worker");
    expect(engines.state.lastRun?.note).toMatch(/could not run these tests .*exited with code 127/);
    expect(engines.state.webcontainer.phase).toBe("failed");
    await run(engines);
    expect(calls.worker).toBe(2);
  });
});

describe("pinning an engine", () => {
  it("keeps every run in the worker when the learner pins it, without booting, and remembers the pin", async () => {
    const preferences = new MemoryStorage();
    const { engines, calls } = await setUp({ preferences });
    engines.choose("worker");
    await engines.prepare?.();
    expect(calls.loadedWebContainer).toBe(0);
    expect((await run(engines)).engine).toBe("worker");
    expect(preferences.getItem(CHOICE_KEY)).toBe("worker");
    const later = await setUp({ preferences });
    expect(later.engines.state.choice).toBe("worker");
  });

  it("waits for a pinned WebContainer that is still starting", async () => {
    const { engines, calls } = await setUp();
    engines.choose("webcontainer");
    expect(engines.state.webcontainer.phase).toBe("starting");
    expect((await run(engines)).engine).toBe("webcontainer");
    expect(calls.worker).toBe(0);
  });

  it("tries a pinned WebContainer again after a failure earlier in the visit, and falls back if it fails", async () => {
    const visit = new MemoryStorage();
    visit.setItem(FAILURE_KEY, "earlier failure");
    const { engines, fake } = await setUp({ visit, runtime: { boot: "hang" } });
    expect(engines.state.webcontainer).toEqual({ phase: "failed", message: "earlier failure" });
    engines.choose("webcontainer");
    const report = await run(engines);
    expect(fake.boots).toBe(1);
    expect(report.engine).toBe("worker");
    expect(engines.state.lastRun?.note).toMatch(/could not run these tests/);
  });

  it("goes back to automatic, forgetting the pin; retry forgets the failure and reloads", async () => {
    const preferences = new MemoryStorage();
    const visit = new MemoryStorage();
    visit.setItem(FAILURE_KEY, "earlier failure");
    const { engines, calls } = await setUp({ preferences, visit });
    engines.choose("worker");
    engines.choose("auto");
    expect(preferences.getItem(CHOICE_KEY)).toBeNull();
    engines.retry();
    expect(visit.getItem(FAILURE_KEY)).toBeNull();
    expect(calls.reloads).toBe(1);
  });
});
