// The VitestRunner that @vitest/runner drives: it imports test files through the workspace's module
// system and does around each test what vitest's own runner does (reset expect's state, clear mocks
// as vitest's default `clearMocks: true` does, check expect.assertions).
import type { ExpectStatic } from "@vitest/expect";
import { setState } from "@vitest/expect";
import type { File, Task, Test, TestContext, VitestRunner, VitestRunnerConfig } from "@vitest/runner";
import { clearAllMocks } from "@vitest/spy";
import { testNameFromFullName, type TestOutcome } from "../report";
import { checkAssertionCounts, createExpect, freshAssertionState, globalExpect } from "./expect";

/** Vitest's defaults for what the runner reads, with the run's time limit per test. */
export function runnerConfig(testTimeout: number): VitestRunnerConfig {
  return {
    root: "/",
    setupFiles: [],
    name: undefined,
    passWithNoTests: false,
    testNamePattern: undefined,
    allowOnly: true,
    sequence: { shuffle: false, concurrent: false, seed: 0, hooks: "stack", setupFiles: "parallel" },
    chaiConfig: undefined,
    maxConcurrency: 5,
    testTimeout,
    hookTimeout: 10_000,
    retry: 0,
    includeTaskLocation: false,
    diffOptions: undefined,
    tags: [],
    tagsFilter: undefined,
    strictTags: false,
  };
}

export interface RunnerEvents {
  /** Test files are given as `/tests/x.test.ts` (root "/"), so reports name `tests/x.test.ts`. */
  importTest(path: string): Promise<unknown>;
  testStarted?(name: string): void;
  testFinished?(outcome: TestOutcome): void;
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

  onCollected(files: File[]) {
    this.names = new Map(files.flatMap((file) => [...namesOf(file)]));
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

  onAfterTryTask(test: Test) {
    checkAssertionCounts(this.localExpects.get(test) ?? globalExpect);
  }

  onAfterRunTask(test: Test) {
    this.events.testFinished?.(outcomeOf(test, this.nameOf(test)));
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

/** Each test's name down the file's task tree: the full name built as Node vitest builds
 *  TestCase.fullName, then turned into a test name the same way, so both engines name every test alike. */
export function namesOf(file: File): Map<Test, string> {
  const names = new Map<Test, string>();
  const walk = (tasks: Task[], parents: string[]) => {
    for (const task of tasks) {
      if (task.type === "test") names.set(task, testNameFromFullName([...parents, task.name].join(" > ")));
      else if (task.type === "suite") walk(task.tasks, [...parents, task.name]);
    }
  };
  walk(file.tasks, []);
  return names;
}

const STATE_WORDS: Record<string, string> = { fail: "failed", skip: "skipped", todo: "skipped" };

export function outcomeOf(test: Test, name: string): TestOutcome {
  const result = test.result;
  if (result?.state === "pass") return { name, status: "pass" };
  const state = result?.state ?? test.mode;
  const error = result?.errors?.[0];
  const outcome: TestOutcome = {
    name,
    status: "fail",
    message: error?.message ?? `test ${STATE_WORDS[state] ?? "pending"}`,
  };
  if (typeof error?.expected === "string") outcome.expected = error.expected;
  if (typeof error?.actual === "string") outcome.actual = error.actual;
  return outcome;
}
