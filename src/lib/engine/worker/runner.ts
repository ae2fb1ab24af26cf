// The VitestRunner that @vitest/runner drives: it imports test files through the workspace's module
// system and does around each test what vitest's own runner does (reset expect's state, clear mocks
// as vitest's default `clearMocks: true` does, check expect.assertions).
import type { ExpectStatic } from "@vitest/expect";
import { setState } from "@vitest/expect";
import {
  getFn,
  type File,
  type Test,
  type TestContext,
  type VitestRunner,
  type VitestRunnerConfig,
} from "@vitest/runner";
import { clearAllMocks } from "@vitest/spy";
import { testOutcome } from "../outcome";
import type { TestOutcome } from "../report";
import { boundLargeValues } from "./bounded-values";
import { namesOf, runnerConfig } from "./collect";
import { checkAssertionCounts, createExpect, freshAssertionState, globalExpect } from "./expect";

export interface RunnerEvents {
  /** Test files are given as `/tests/x.test.ts` (root "/"), so reports name `tests/x.test.ts`. */
  importTest(path: string): Promise<unknown>;
  testStarted?(name: string): void;
  testFinished?(outcome: TestOutcome | undefined, name: string): void;
  /** How long collecting (importing the test file) and running its tests took, in ms. */
  phase?(name: "collect" | "run", ms: number): void;
}

export class WorkerRunner implements VitestRunner {
  readonly config: VitestRunnerConfig;
  private readonly localExpects = new WeakMap<Test, ExpectStatic>();
  private names = new Map<Test, string>();

  constructor(
    testTimeout: number,
    private readonly events: RunnerEvents,
  ) {
    this.config = runnerConfig(testTimeout);
  }

  importFile(filepath: string, source: string): Promise<unknown> {
    if (source !== "collect") return Promise.resolve();
    return this.events.importTest(filepath.replace(/^\//, ""));
  }

  private phaseStarted = 0;
  private readonly workerCleanups: (() => unknown)[] = [];

  /** @vitest/runner hands over the cleanup of its fixture bookkeeping, which vitest runs when a
   *  worker ends; until then every test ever defined is visited again at the end of each file. */
  onCleanupWorkerContext(cleanup: () => unknown) {
    this.workerCleanups.push(cleanup);
  }

  /** Runs that cleanup now: a test file's fixtures are done once its tests are. */
  async cleanUpFixtures() {
    for (const cleanup of this.workerCleanups) await cleanup();
  }

  onBeforeCollect() {
    this.phaseStarted = performance.now();
  }

  onCollected(files: File[]) {
    this.names = new Map(files.flatMap((file) => [...namesOf(file)]));
    this.events.phase?.("collect", performance.now() - this.phaseStarted);
  }

  onBeforeRunFiles() {
    this.phaseStarted = performance.now();
  }

  onAfterRunFiles() {
    this.events.phase?.("run", performance.now() - this.phaseStarted);
  }

  nameOf(test: Test): string {
    return this.names.get(test) ?? test.name;
  }

  onBeforeRunTask(test: Test) {
    this.events.testStarted?.(this.nameOf(test));
  }

  onBeforeTryTask(test: Test) {
    clearAllMocks();
    setState({ ...freshAssertionState(), currentTestName: test.fullTestName }, globalExpect);
    const local = this.localExpects.get(test);
    if (local) setState(freshAssertionState(), local);
  }

  /** Runs the test's body as the runner would, but prints a huge expected or actual value of a
   *  failure in bounded form first: vitest would format and diff all of it. */
  async runTask(test: Test) {
    try {
      await getFn(test)();
    } catch (error) {
      throw boundLargeValues(error);
    }
  }

  onAfterTryTask(test: Test) {
    checkAssertionCounts(this.localExpects.get(test) ?? globalExpect);
  }

  onAfterRunTask(test: Test) {
    const name = this.nameOf(test);
    this.events.testFinished?.(outcomeOf(test, name), name);
  }

  /** `it("…", ({ expect }) => …)` gets its own expect, bound to its test (for concurrent tests). */
  extendTaskContext(context: TestContext): TestContext {
    const test = context.task as Test;
    const locals = this.localExpects;
    Object.defineProperty(context, "expect", {
      get() {
        let local = locals.get(test);
        if (!local) locals.set(test, (local = createExpect(test)));
        return local;
      },
    });
    return context;
  }
}

/** The test's outcome by the engines' shared mapping; undefined when it did not run. */
export function outcomeOf(test: Test, name: string): TestOutcome | undefined {
  return testOutcome(name, test.result?.state ?? test.mode, test.result?.errors);
}
