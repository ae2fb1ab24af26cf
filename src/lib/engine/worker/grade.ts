// The grading core: runs a workspace's hidden suite with vitest's own runner and returns a
// TestReport. It touches neither Node nor the DOM; the worker (or a test) hosts it.
import { startTests, type File, type Suite, type Task } from "@vitest/runner";
import { restoreAllMocks } from "@vitest/spy";
import { createTraceCapture } from "../../trace/capture";
import { errorInWords, withHint } from "../outcome";
import {
  runStatus,
  type RunProblem,
  type SourceLocation,
  type TestOutcome,
  type TestReport,
} from "../report";
import { planTests, testFilesOf, namesOf, type TestPlan } from "./collect";
import { captureConsole } from "./console-capture";
import { createModuleSystem, type SourceFiles } from "./modules";
import { ALLOWED_PACKAGES } from "./packages";
import { WorkerRunner, outcomeOf } from "./runner";
import { toCommonJs } from "./transform";

export interface GradeRequest {
  /** The learner's files at the workspace root (`pocketflow.ts`). */
  files: SourceFiles;
  /** The hidden suite by path (`tests/flow.test.ts`); only `*.test.ts` files are run. */
  tests: SourceFiles;
  timeoutMs: number;
  /** Record each test's trace of the provided core, pocketflow.ts (parts 2 and 3). */
  trace?: boolean;
  /** The suite's plan from an earlier run of the same suite; made here (before any learner code) when absent. */
  plan?: TestPlan;
  /** Compiled code from earlier runs, by path, for files whose source has not changed since. */
  compiled?: Record<string, string>;
}

/** What a run works out before any learner code runs, which later runs may reuse: the suite's
 *  plan, and the files it compiled (none of it can have been touched by the learner's code). */
export interface Prepared {
  /** Absent when the run did not need it (a run plans only when a test file does not load). */
  plan?: TestPlan;
  /** Code compiled in this run, by path (files given precompiled are not repeated). */
  compiled: Record<string, string>;
}

/** Where a run's time went, in ms: preparing, transforming TypeScript, collecting, running tests. */
export interface GradeTimings {
  prepare: number;
  transform: number;
  collect: number;
  run: number;
}

export type GradeEvent =
  | ({ type: "prepared" } & Prepared)
  /** A test file starts loading, or a test starts. Each carries the test that finished before it, if
   *  any (one message per step: on a busy machine every message costs the run time). */
  | { type: "file"; path: string; done?: FinishedTest }
  | { type: "test-start"; name: string; done?: FinishedTest };

/** A test that finished, and what the code printed while it ran. */
export interface FinishedTest {
  outcome: TestOutcome;
  output: string;
}

export interface GradeHooks {
  onEvent?(event: GradeEvent): void;
  /** Lets the host report errors nobody awaited (a worker's `unhandledrejection`). */
  subscribeUnhandled?(listener: (error: unknown) => void): () => void;
  /** Asked once the tests are done: whether the learner's code broke what the report relies on. */
  checkIntegrity?(): RunProblem | undefined;
  /** Filled in with where the run's time went. */
  timings?: GradeTimings;
}

/** Where in the workspace an error was thrown: the first stack frame in one of its files (its line;
 *  sucrase keeps lines but not columns: it rewrites imports and drops types). */
export function locationIn(stack: string, paths: string[]): SourceLocation | undefined {
  for (const frame of stack.split("\n")) {
    for (const path of paths) {
      const at = frame.indexOf(`${path}:`);
      const line = at < 0 ? null : /^\d+/.exec(frame.slice(at + path.length + 1));
      if (line && (at === 0 || /[\s(/]/.test(frame[at - 1] ?? "")))
        return { file: path, line: Number(line[0]) };
    }
  }
  return undefined;
}

/** The same, as `file:line`. */
export function whereIn(stack: string, paths: string[]): string | undefined {
  const location = locationIn(stack, paths);
  return location && `${location.file}:${location.line}`;
}

interface FileError {
  message: string;
  location?: SourceLocation;
}

const numberOf = (value: unknown) =>
  typeof value === "number" && value >= 1 ? Math.floor(value) : undefined;

/** Where a serialized error points: a syntax error's own file, line and column, else its stack. */
function locationOf(error: Record<string, unknown>, paths: string[]): SourceLocation | undefined {
  const line = numberOf(error.line);
  if (typeof error.file === "string" && paths.includes(error.file) && line) {
    const column = numberOf(error.column);
    return column ? { file: error.file, line, column } : { file: error.file, line };
  }
  return typeof error.stack === "string" ? locationIn(error.stack, paths) : undefined;
}

/** Errors recorded on the file and its suites (a failed import, a failing beforeAll hook). */
function errorsOf(task: File | Suite, paths: string[]): FileError[] {
  const own = (task.result?.errors ?? []).map((error): FileError => {
    const record = error as unknown as Record<string, unknown>;
    const location = locationOf(record, paths);
    const message = errorInWords(error);
    const where = location && `${location.file}:${location.line}`;
    return {
      message: where && !message.includes(where) ? `${message}\n    at ${where}` : message,
      ...(location ? { location } : {}),
    };
  });
  const nested = task.tasks.flatMap((child: Task) => (child.type === "suite" ? errorsOf(child, paths) : []));
  return [...own, ...nested];
}

/** Compiles every file not given precompiled, and (with `plan`) plans the suite: all before any
 *  learner code runs. `compiled` (code by path) is filled in; the result holds what this call compiled. */
export async function prepareRun(
  request: GradeRequest,
  compiled = precompiled(request),
  timings: GradeTimings = { prepare: 0, transform: 0, collect: 0, run: 0 },
  { plan: wanted = true } = {},
): Promise<Prepared> {
  const fresh: Record<string, string> = {};
  const started = performance.now();
  for (const [path, source] of Object.entries({ ...request.files, ...request.tests })) {
    if (compiled.has(path) || !path.endsWith(".ts")) continue;
    try {
      compiled.set(path, (fresh[path] = toCommonJs(path, source)));
    } catch {
      // A file that does not compile is reported when a test file loads it.
    }
  }
  timings.transform += performance.now() - started;
  const plan = request.plan ?? (wanted ? await planTests(request.tests, compiled) : undefined);
  return plan ? { plan, compiled: fresh } : { compiled: fresh };
}

/** The request's precompiled code, for its own files only. */
function precompiled(request: GradeRequest): Map<string, string> {
  const paths = new Set([...Object.keys(request.files), ...Object.keys(request.tests)]);
  return new Map(Object.entries(request.compiled ?? {}).filter(([path]) => paths.has(path)));
}

export async function grade(request: GradeRequest, hooks: GradeHooks = {}): Promise<TestReport> {
  const started = performance.now();
  const timings = hooks.timings ?? { prepare: 0, transform: 0, collect: 0, run: 0 };
  const workspace: SourceFiles = { ...request.files, ...request.tests };
  const compiled = precompiled(request);
  // A run does not plan the suite up front: the page has the plan from an earlier run or from a
  // preparation (a spare does it beside the first run), and a run needs it only when a file does
  // not load.
  const prepared = await prepareRun(request, compiled, timings, { plan: false });
  let { plan } = prepared;
  hooks.onEvent?.({ type: "prepared", ...prepared });
  timings.prepare = performance.now() - started;
  const capture = captureConsole();
  const paths = Object.keys(workspace);
  const testFiles = testFilesOf(request.tests);
  const tests: TestOutcome[] = [];
  const notRun: string[] = [];
  const problems: RunProblem[] = [];
  let output = "";
  /** Error text → the test files it stopped (a learner's syntax error stops every file alike). */
  const fileErrors = new Map<string, string[]>();

  const traces = request.trace && "pocketflow.ts" in workspace ? createTraceCapture() : undefined;
  let finished: FinishedTest | undefined;
  /** The test that finished last, to go with the next message (once). */
  const lastDone = () => {
    const done = finished;
    finished = undefined;
    return done ? { done } : {};
  };
  const runner = new WorkerRunner(request.timeoutMs, {
    importTest(path) {
      hooks.onEvent?.({ type: "file", path, ...lastDone() });
      // A fresh module system per test file: the learner's modules are evaluated anew, as in vitest.
      const modules = createModuleSystem(workspace, ALLOWED_PACKAGES, {
        compiled,
        onTransform: (ms) => (timings.transform += ms),
      });
      traces?.installFrom(() => modules.load("pocketflow.ts"));
      return modules.loadEntry(path);
    },
    phase: (name, ms) => (timings[name] += ms),
    testStarted: (name) => {
      traces?.begin(name);
      hooks.onEvent?.({ type: "test-start", name, ...lastDone() });
    },
    testFinished: (outcome) => {
      if (!outcome) return;
      traces?.end(outcome.name);
      finished = { outcome, output: capture.takeNew() };
    },
  });
  const unsubscribe = hooks.subscribeUnhandled?.((error) => {
    const message = withHint(errorInWords(error));
    const stack =
      typeof error === "object" && error !== null ? (error as { stack?: unknown }).stack : undefined;
    const location = typeof stack === "string" ? locationIn(stack, paths) : undefined;
    problems.push({ kind: "unhandled", message, ...(location ? { location } : {}) });
    output += `Unhandled error (a promise nobody awaited, or a throw from a timer): ${message}\n`;
  });

  try {
    for (const path of testFiles) {
      const [file] = await startTests([`/${path}`], runner);
      if (!file) continue;
      const names = namesOf(file);
      for (const [test, name] of names) {
        const outcome = outcomeOf(test, name);
        const trace = outcome && traces?.traceOf(name);
        if (outcome) tests.push(trace ? { ...outcome, trace } : outcome);
        else notRun.push(name);
      }
      const errors = errorsOf(file, paths).map((error) => ({
        ...error,
        message: error.message.replaceAll(`/${path}`, path),
      }));
      if (errors.length > 0) {
        const text = errors.map((error) => error.message).join("\n");
        fileErrors.set(text, [...(fileErrors.get(text) ?? []), path]);
      }
      // A file whose tests could not even be collected did not load: its tests did not run.
      const [first] = errors;
      if (first && names.size === 0) {
        problems.push({
          kind: "load",
          testFile: path,
          message: first.message,
          ...(first.location ? { location: first.location } : {}),
        });
        // Planned after learner code ran in this realm: the guard still checks the built-ins, and a
        // plan only names the tests that did not run, so it cannot turn the run into a pass.
        plan ??= await planTests(request.tests, compiled);
        notRun.push(...(plan[path] ?? []));
      }
      // Spies must not leak into the next file: vitest runs each test file in a fresh context.
      await runner.cleanUpFixtures();
      restoreAllMocks();
      capture.install();
    }
  } finally {
    unsubscribe?.();
  }

  for (const [text, files] of fileErrors) output += `${files.join(", ")}: ${text}\n`;
  if (testFiles.length === 0) {
    const message = "The hidden suite has no *.test.ts file.";
    problems.push({ kind: "engine", message });
    output += `${message}\n`;
  }
  const broken = hooks.checkIntegrity?.();
  if (broken) {
    problems.push(broken);
    output += `${broken.message}\n`;
  }
  const report: TestReport = {
    engine: "worker",
    status: "fail",
    durationMs: performance.now() - started,
    tests,
    output: capture.text() + output,
  };
  if (problems.length > 0) report.problems = problems;
  if (notRun.length > 0) report.notRun = notRun;
  report.status = runStatus(report);
  return report;
}
