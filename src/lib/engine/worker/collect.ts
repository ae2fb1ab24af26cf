// What @vitest/runner needs to collect a suite, and the suite's plan: every test file's test names,
// collected from the hidden suite alone, with the learner's modules replaced by inert stand-ins.
// So when a learner's file does not load, or a run is stopped, the engines can still say which
// tests did not run. Pure (no DOM, no Node), so Node vitest's side (scripts/lib) plans the same way.
import { collectTests, type File, type Task, type Test, type VitestRunnerConfig } from "@vitest/runner";
import * as yaml from "yaml";
import { testNameFromFullName } from "../report";
import { createModuleSystem, type PackageTable, type SourceFiles } from "./modules";
import { RUNNER_API } from "./runner-api";

/** Test names per test file; null where they could not be collected without the learner's code. */
export type TestPlan = Record<string, string[] | null>;

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

/** Sorted `*.test.ts` paths of a hidden suite: the files every engine runs, in the order it runs them. */
export const testFilesOf = (tests: SourceFiles) =>
  Object.keys(tests)
    .filter((path) => path.endsWith(".test.ts"))
    .sort();

/**
 * Something that is every value at once: callable, constructible, extendable, with any property
 * (itself again). A learner's module seen while planning is one, so a suite's top level
 * (`class Step extends Node {}`, `const flow = new Flow(a)`) runs without the learner's code.
 */
export function standIn(): unknown {
  const stub: object = new Proxy(function standIn() {}, {
    get: (target, key) => {
      if (key === "then") return undefined; // not a promise: awaiting it must not hang
      if (key === Symbol.toPrimitive) return () => 0;
      if (key === Symbol.iterator) return function* nothing() {};
      if (key === "prototype") return target.prototype as unknown;
      return stub;
    },
    apply: () => stub,
    construct: () => stub,
  });
  return stub;
}

/** `vitest` while planning: the real collectors, and stand-ins for what only runs inside tests. */
function planningPackages(): PackageTable {
  const inert = standIn;
  return {
    vitest: () => ({
      __esModule: true,
      ...RUNNER_API,
      expect: inert(),
      assert: inert(),
      chai: inert(),
      vi: inert(),
      vitest: inert(),
      expectTypeOf: inert(),
      assertType: () => undefined,
    }),
    yaml: () => ({ ...yaml, __esModule: true }),
  };
}

const QUIET = ["log", "info", "warn", "error", "debug"] as const;

/** Collects every test file of `tests` alone (the learner's files are stand-ins); never throws.
 *  `compiled` may hold the suite's compiled code already. */
export async function planTests(tests: SourceFiles, compiled = new Map<string, string>()): Promise<TestPlan> {
  const plan: TestPlan = {};
  const packages = planningPackages();
  const config = runnerConfig(5000);
  // A suite's top level may print; while planning nobody should see it.
  const saved = QUIET.map((method) => console[method]);
  for (const method of QUIET) console[method] = () => undefined;
  try {
    for (const path of testFilesOf(tests)) {
      const modules = createModuleSystem(tests, packages, { compiled, missing: standIn });
      const planner = {
        config,
        importFile: (filepath: string, source: string) =>
          source === "collect" ? modules.loadEntry(filepath.replace(/^\//, "")) : Promise.resolve(),
      };
      try {
        const [file] = await collectTests([`/${path}`], planner);
        const failed = !file || (file.result?.errors?.length ?? 0) > 0;
        plan[path] = failed ? null : [...namesOf(file).values()];
      } catch {
        plan[path] = null;
      }
    }
  } finally {
    QUIET.forEach((method, index) => (console[method] = saved[index] as Console[typeof method]));
  }
  return plan;
}
