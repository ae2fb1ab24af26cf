// The grading core: runs a workspace's hidden suite with vitest's own runner and returns a
// TestReport. It touches neither Node nor the DOM; the worker (or a test) hosts it.
import { startTests, type File, type Suite, type Task } from "@vitest/runner";
import { restoreAllMocks } from "@vitest/spy";
import { createTraceCapture } from "../../trace/capture";
import { statusOf, type TestOutcome, type TestReport } from "../report";
import { captureConsole } from "./console-capture";
import { createModuleSystem, type SourceFiles } from "./modules";
import { ALLOWED_PACKAGES } from "./packages";
import { WorkerRunner, namesOf, outcomeOf } from "./runner";

export interface GradeRequest {
  /** The learner's files at the workspace root (`pocketflow.ts`). */
  files: SourceFiles;
  /** The hidden suite by path (`tests/flow.test.ts`); only `*.test.ts` files are run. */
  tests: SourceFiles;
  timeoutMs: number;
  /** Record each test's trace of the provided core, pocketflow.ts (parts 2 and 3). */
  trace?: boolean;
}

export type GradeEvent =
  | { type: "file"; path: string }
  | { type: "test-start"; name: string }
  | { type: "test-done"; outcome: TestOutcome; output: string };

export interface GradeHooks {
  onEvent?(event: GradeEvent): void;
  /** Lets the host report errors nobody awaited (a worker's `unhandledrejection`). */
  subscribeUnhandled?(listener: (error: unknown) => void): () => void;
}

/** Where in the workspace an error was thrown: the first stack frame in one of its files, as
 *  `file:line` (sucrase keeps lines but not columns: it rewrites imports and drops types). */
export function whereIn(stack: string, paths: string[]): string | undefined {
  for (const frame of stack.split("\n")) {
    for (const path of paths) {
      const at = frame.indexOf(`${path}:`);
      const line = at < 0 ? null : /^\d+/.exec(frame.slice(at + path.length + 1));
      if (line && (at === 0 || /[\s(/]/.test(frame[at - 1] ?? ""))) return `${path}:${line[0]}`;
    }
  }
  return undefined;
}

/** Errors recorded on the file and its suites (a failed import, a failing beforeAll hook). */
function errorsOf(task: File | Suite, paths: string[]): string[] {
  const own = (task.result?.errors ?? []).map((error) => {
    const message = error.message ?? String(error);
    const where = whereIn(error.stack ?? "", paths);
    return where && !message.includes(where) ? `${message}\n    at ${where}` : message;
  });
  const nested = task.tasks.flatMap((child: Task) => (child.type === "suite" ? errorsOf(child, paths) : []));
  return [...own, ...nested];
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export async function grade(request: GradeRequest, hooks: GradeHooks = {}): Promise<TestReport> {
  const started = performance.now();
  const capture = captureConsole();
  const workspace: SourceFiles = { ...request.files, ...request.tests };
  const compiled = new Map<string, string>();
  const testFiles = Object.keys(request.tests)
    .filter((path) => path.endsWith(".test.ts"))
    .sort();
  const tests: TestOutcome[] = [];
  let problems = "";
  /** Error text → the test files it stopped (a learner's syntax error stops every file alike). */
  const fileErrors = new Map<string, string[]>();
  let filesThatDidNotLoad = 0;

  const traces = request.trace && "pocketflow.ts" in workspace ? createTraceCapture() : undefined;
  const runner = new WorkerRunner(request.timeoutMs, {
    importTest(path) {
      hooks.onEvent?.({ type: "file", path });
      // A fresh module system per test file: the learner's modules are evaluated anew, as in vitest.
      const modules = createModuleSystem(workspace, ALLOWED_PACKAGES, compiled);
      traces?.installFrom(() => modules.load("pocketflow.ts"));
      return modules.loadEntry(path);
    },
    testStarted: (name) => {
      traces?.begin(name);
      hooks.onEvent?.({ type: "test-start", name });
    },
    testFinished: (outcome) => {
      traces?.end(outcome.name);
      hooks.onEvent?.({ type: "test-done", outcome, output: capture.takeNew() });
    },
  });
  const unsubscribe = hooks.subscribeUnhandled?.((error) => {
    problems += `Unhandled error (a promise nobody awaited?): ${describeError(error)}\n`;
  });

  try {
    for (const path of testFiles) {
      const [file] = await startTests([`/${path}`], runner);
      if (!file) continue;
      const names = namesOf(file);
      for (const [test, name] of names) {
        const trace = traces?.traceOf(name);
        tests.push(trace ? { ...outcomeOf(test, name), trace } : outcomeOf(test, name));
      }
      const errors = errorsOf(file, Object.keys(workspace)).map((message) =>
        message.replaceAll(`/${path}`, path),
      );
      if (errors.length > 0) {
        const text = errors.join("\n");
        fileErrors.set(text, [...(fileErrors.get(text) ?? []), path]);
      }
      if (errors.length > 0 && names.size === 0) filesThatDidNotLoad += 1;
      // Spies must not leak into the next file: vitest runs each test file in a fresh context.
      restoreAllMocks();
      capture.install();
    }
  } finally {
    unsubscribe?.();
  }

  for (const [text, paths] of fileErrors) problems += `${paths.join(", ")}: ${text}\n`;
  let status: TestReport["status"] = statusOf(tests);
  if (testFiles.length === 0) {
    status = "error";
    problems += "The hidden suite has no *.test.ts file.\n";
  } else if (filesThatDidNotLoad > 0) status = tests.length === 0 ? "error" : "fail";
  return {
    engine: "worker",
    status,
    durationMs: performance.now() - started,
    tests,
    output: capture.text() + problems,
  };
}
