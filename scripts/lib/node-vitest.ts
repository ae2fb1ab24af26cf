// Runs many workspaces' hidden suites in one Node vitest run and returns a TestReport per workspace.
// `readModules` is Node vitest's side of the engines' shared result model: the same outcome mapping
// (src/lib/engine/outcome.ts), the same problems and not-run tests as the worker engine.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { stripVTControlCharacters } from "node:util";
import type { TestError } from "vitest";
import { createVitest } from "vitest/node";
import type { TestCase, TestModule } from "vitest/node";
import { errorInWords, findLocation, testOutcome, withHint } from "../../src/lib/engine/outcome";
import {
  runStatus,
  testNameFromFullName,
  type RunProblem,
  type SourceLocation,
  type TestOutcome,
  type TestReport,
} from "../../src/lib/engine/report";
import { planTests, type TestPlan } from "../../src/lib/engine/worker/collect";
import type { Files } from "../../src/lib/exercises/schema";

export interface Workspace {
  /** A folder-safe id, such as `06-the-flow--starter`. */
  id: string;
  files: Files;
}

/** Writes each workspace's files below `root/<id>/`, replacing what was there. */
export function materialize(root: string, workspaces: Workspace[]) {
  rmSync(root, { recursive: true, force: true });
  for (const workspace of workspaces) {
    for (const [path, source] of Object.entries(workspace.files)) {
      const target = join(root, workspace.id, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, source);
    }
  }
}

/** One vitest test case as a TestOutcome (the shared mapping); undefined when it did not run. */
export function outcomeOf(test: TestCase): TestOutcome | undefined {
  const result = test.result();
  return testOutcome(testNameFromFullName(test.fullName), result.state, result.errors);
}

const toSlashes = (path: string) => path.split(sep).join("/");

/** The hidden suite of a workspace's files: everything under tests/. */
export const suiteOf = (files: Files): Files =>
  Object.fromEntries(Object.entries(files).filter(([path]) => path.startsWith("tests/")));

export interface ReadOptions {
  /** The workspace's folder (where its files were written). */
  dir: string;
  /** The workspace's files by relative path (learner's files and the hidden suite). */
  files: Files;
  /** Errors vitest saw outside any test, each naming (VITEST_TEST_PATH) the test file it came from. */
  unhandled?: readonly TestError[];
  /** The run was stopped: tests that had not finished did not run, and module errors are the stop's. */
  stopped?: RunProblem;
  /** Rewrites a message's paths for its reader (default: relative to the workspace's folder). */
  rewrite?: (text: string) => string;
  /** Sees each failed test's outcome beside vitest's test case (to add what one reader wants). */
  onFailure?: (outcome: TestOutcome, test: TestCase) => void;
}

/** Where an error points in the workspace: its first stack frame in a learner's file, else any. */
function locationOf(
  error: TestError,
  dir: string,
  files: Files,
  message: string,
): SourceLocation | undefined {
  const paths = Object.keys(files);
  const learner = paths.filter((path) => !path.startsWith("tests/"));
  const frames = (error.stacks ?? []).flatMap((frame) => {
    const file = toSlashes(relative(dir, frame.file));
    return paths.includes(file) ? [{ file, line: frame.line, column: frame.column }] : [];
  });
  return (
    frames.find((frame) => learner.includes(frame.file)) ?? frames[0] ?? findLocation(message, paths, learner)
  );
}

/** The words of a module error: colours stripped, "Transform failed with 1 error:" dropped. */
const wordsOf = (error: TestError, rewrite: (text: string) => string) =>
  rewrite(stripVTControlCharacters(errorInWords(error)))
    .replace(/^Error: /, "")
    .replace(/^Transform failed with \d+ errors?:\s*/, "")
    .trim();

/** A workspace's test modules as report parts: tests, tests that did not run, problems, output. */
export async function readModules(modules: readonly TestModule[], options: ReadOptions) {
  const { dir, files, stopped } = options;
  const rewrite =
    options.rewrite ??
    ((text: string) => text.replaceAll(`${toSlashes(dir)}/`, "").replaceAll(`${dir}${sep}`, ""));
  const tests: TestOutcome[] = [];
  const notRun: string[] = [];
  const problems: RunProblem[] = [];
  let output = "";
  let plan: TestPlan | undefined;
  const sorted = [...modules].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  for (const module of sorted) {
    const testFile = toSlashes(relative(dir, module.moduleId));
    const cases = [...module.children.allTests()];
    for (const test of cases) {
      const outcome = outcomeOf(test);
      if (!outcome) {
        notRun.push(testNameFromFullName(test.fullName));
        continue;
      }
      if (outcome.status === "fail" && outcome.message) {
        outcome.message = rewrite(stripVTControlCharacters(outcome.message));
        options.onFailure?.(outcome, test);
      }
      tests.push(outcome);
    }
    if (stopped) continue; // a stop's errors are about the stop, not the learner's code
    const errors = module.errors();
    const [first] = errors;
    if (!first) continue;
    output += `${testFile}: ${errors.map((error) => wordsOf(error, rewrite)).join("\n")}\n`;
    if (cases.length > 0) continue;
    // The file did not load: none of its tests ran. The plan names them without the learner's code.
    const message = withHint(wordsOf(first, rewrite));
    const location = locationOf(first, dir, files, stripVTControlCharacters(first.message ?? ""));
    problems.push({ kind: "load", testFile, message, ...(location ? { location } : {}) });
    plan ??= await planTests(suiteOf(files));
    notRun.push(...(plan[testFile] ?? []));
  }
  for (const error of options.unhandled ?? []) {
    const message = withHint(rewrite(stripVTControlCharacters(errorInWords(error))));
    const location = locationOf(error, dir, files, "");
    problems.push({ kind: "unhandled", message, ...(location ? { location } : {}) });
    output += `Unhandled error (a promise nobody awaited, or a throw from a timer): ${message}\n`;
  }
  if (stopped) {
    problems.push(stopped);
    // Files that never got as far as collecting their tests: their planned tests did not run either.
    const collected = new Set(
      sorted
        .filter((module) => [...module.children.allTests()].length > 0)
        .map((module) => toSlashes(relative(dir, module.moduleId))),
    );
    plan ??= await planTests(suiteOf(files));
    for (const [file, names] of Object.entries(plan)) if (!collected.has(file)) notRun.push(...(names ?? []));
  }
  return { tests, notRun, problems, output };
}

/** The unhandled errors that came from one folder's test files (or from none in particular). */
export function unhandledIn(errors: readonly TestError[], dir: string): TestError[] {
  return errors.filter((error) => {
    const path = (error as { VITEST_TEST_PATH?: unknown }).VITEST_TEST_PATH;
    return typeof path !== "string" || !relative(dir, path).startsWith("..");
  });
}

/**
 * Runs every workspace's `tests/*.test.ts` with vitest, in one process, and reports per workspace.
 * `isolate: false` reuses each worker across test files (as `vitest --no-isolate` does): many times
 * faster for hundreds of small files, and safe here because every workspace has its own module paths.
 * `maxWorkers` above the core count helps suites that mostly wait on timers.
 */
export async function runWithNodeVitest(
  root: string,
  workspaces: Workspace[],
  {
    timeoutMs = 5000,
    isolate = true,
    maxWorkers,
  }: { timeoutMs?: number; isolate?: boolean; maxWorkers?: number } = {},
): Promise<Map<string, TestReport>> {
  materialize(root, workspaces);
  const started = performance.now();
  const vitest = await createVitest(
    {
      root,
      config: false,
      watch: false,
      reporters: [],
      include: ["*/tests/**/*.test.ts"],
      testTimeout: timeoutMs,
      isolate,
      ...(maxWorkers === undefined ? {} : { maxWorkers }),
      silent: true,
    },
    { logLevel: "silent" },
  );
  // Vitest sets process.exitCode when a test fails; failing tests are data here, not the caller's failure.
  const exitCode = process.exitCode;
  try {
    await vitest.start();
  } finally {
    await vitest.close();
    process.exitCode = exitCode;
  }
  const durationMs = performance.now() - started;
  const modules = vitest.state.getTestModules() as TestModule[];
  const unhandled = vitest.state.getUnhandledErrors() as TestError[];
  const reports = new Map<string, TestReport>();
  for (const workspace of workspaces) {
    const dir = join(root, workspace.id);
    const mine = modules.filter((module) => relative(root, module.moduleId).split(sep)[0] === workspace.id);
    const parts = await readModules(mine, {
      dir,
      files: workspace.files,
      unhandled: unhandledIn(unhandled, dir),
    });
    const report: TestReport = {
      engine: "node",
      status: "fail",
      durationMs,
      tests: parts.tests,
      output: parts.output,
    };
    if (mine.length === 0) {
      const message = "The hidden suite has no *.test.ts file.";
      parts.problems.push({ kind: "engine", message });
      report.output += `${message}\n`;
    }
    if (parts.problems.length > 0) report.problems = parts.problems;
    if (parts.notRun.length > 0) report.notRun = parts.notRun;
    report.status = runStatus(report);
    reports.set(workspace.id, report);
  }
  return reports;
}
