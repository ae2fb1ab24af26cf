// Runs one exercise's hidden suite against the learner's files with vitest itself (its Node API, as
// scripts/lib/node-vitest.ts does for the checks), in a throw-away folder under .cache/learn/, and
// turns the result into a TestReport whose paths point at the learner's workspace, not the copy.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative, sep } from "node:path";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { stripVTControlCharacters } from "node:util";
import type { TestError } from "vitest";
import { createVitest } from "vitest/node";
import type { TestModule, Vitest } from "vitest/node";
import { runStatus, type RunProblem, type TestOutcome, type TestReport } from "../../src/lib/engine/report";
import type { Exercise, Files } from "../../src/lib/exercises/schema";
import { materialize, readModules } from "../lib/node-vitest";

export interface LearnOutcome extends TestOutcome {
  /** Where in the learner's code a thrown error came from, as `path:line:column`. */
  at?: string;
}

/** Why (part of) the suite could not run: the learner's file does not parse or throws on import,
 *  or an error escaped the tests. `at` is where, as the learner's path. */
export interface SuiteProblem {
  kind: "syntax" | "load" | "unhandled";
  message: string;
  at?: string;
  /** The test files that did not load because of it. */
  testFiles?: string[];
}

export interface SuiteResult extends TestReport {
  tests: LearnOutcome[];
  problem?: SuiteProblem;
  /** The run was stopped because a newer one was asked for (a save during the run). */
  cancelled?: boolean;
  limitMs: number;
}

export interface SuiteOptions {
  cacheDir: string;
  /** The learner's folder for this exercise, and how to print a path to them. */
  learnerDir: string;
  show: (path: string) => string;
  signal?: AbortSignal;
  limitMs?: number;
}

const toSlashes = (path: string) => path.split(sep).join("/");

/** Rewrites paths of the temporary copy into the learner's paths (and the hidden tests' short ones). */
function pathMapper(copyDir: string, shownDir: string) {
  const fromCwd = relative(process.cwd(), copyDir);
  // longest first, since the relative form is the end of the absolute one; forward-slash forms
  // too, as vite prints paths that way on every platform
  const prefixes = [
    ...new Set([pathToFileURL(copyDir).href, copyDir, toSlashes(copyDir), fromCwd, toSlashes(fromCwd)]),
  ];
  const rewrite = (text: string) =>
    prefixes.reduce(
      (result, prefix) =>
        result.replaceAll(`${prefix}/tests/`, "tests/").replaceAll(`${prefix}/`, `${shownDir}/`),
      stripVTControlCharacters(text),
    );
  /** The first frame of the error that lies in the learner's own code. */
  const learnerFrame = (error: TestError | undefined) => {
    for (const frame of error?.stacks ?? []) {
      const inside = relative(copyDir, frame.file);
      if (inside.startsWith("..") || inside.startsWith(`tests${sep}`) || inside.startsWith("node_modules"))
        continue;
      return `${shownDir}/${toSlashes(inside)}:${frame.line}:${frame.column}`;
    }
    return undefined;
  };
  return { rewrite, learnerFrame };
}

/** The first problem, as the CLI prints it: syntax error or load failure (with the files it
 *  stopped), or an error that escaped the tests. */
function suiteProblem(problems: RunProblem[], shown: string): SuiteProblem | undefined {
  const first = problems.find((problem) => problem.kind === "load" || problem.kind === "unhandled");
  if (!first) return undefined;
  const at =
    first.location && `${shown}/${first.location.file}:${first.location.line}:${first.location.column ?? 1}`;
  if (first.kind === "unhandled") return { kind: "unhandled", message: first.message, ...(at ? { at } : {}) };
  // vite reports a file it cannot parse as a failed transform, with a code frame and the location
  const syntax = /PARSE_ERROR|SyntaxError/.test(first.message);
  const testFiles = problems.flatMap((problem) =>
    problem.kind === "load" && problem.message === first.message && problem.testFile
      ? [problem.testFile]
      : [],
  );
  return { kind: syntax ? "syntax" : "load", message: first.message, testFiles, ...(at ? { at } : {}) };
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0); // signal 0 only checks that the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Removes the folders of runs whose process is gone (killed mid-run, so it could not clean up). */
export function removeStaleRuns(cacheDir: string) {
  mkdirSync(cacheDir, { recursive: true });
  for (const name of readdirSync(cacheDir)) {
    const pid = Number(/^run-(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isAlive(pid))
      rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}

const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });

/**
 * A vitest that prints nothing and leaves the terminal alone: its logger would hide the cursor of a
 * terminal and exit the process on Ctrl+C, while the CLI handles Ctrl+C by cancelling the run.
 */
async function createQuietVitest(root: string, testTimeout: number): Promise<Vitest> {
  // vitest adds its SIGINT handler during creation: drop it as soon as it is added
  const dropSignalHandler = (event: string | symbol, listener: (...args: unknown[]) => void) => {
    if (event === "SIGINT") process.nextTick(() => process.off("SIGINT", listener));
  };
  process.on("newListener", dropSignalHandler);
  try {
    return await createVitest(
      {
        root,
        config: false,
        watch: false,
        reporters: [],
        include: ["*/tests/**/*.test.ts"],
        testTimeout,
        silent: true,
        // vitest keeps a core free by default; here the CLI only waits, so two workers even on two cores
        maxWorkers: Math.max(2, availableParallelism() - 1),
      },
      { logLevel: "silent" },
      { stdout: discard(), stderr: discard() },
    );
  } finally {
    process.off("newListener", dropSignalHandler);
  }
}

type Stop = "timeout" | "cancelled";

/** Runs vitest in `runDir` until it finishes, `limitMs` pass, or `signal` aborts. */
async function runVitest(runDir: string, testTimeout: number, limitMs: number, signal?: AbortSignal) {
  const vitest = await createQuietVitest(runDir, testTimeout);
  let stopped: Stop | undefined;
  let crash: string | undefined;
  // Cancelling twice forces the pool to kill its workers: a learner's endless loop never yields, so a
  // graceful cancel alone would wait for it forever.
  const stop = (why: Stop) => {
    if (stopped) return;
    stopped = why;
    void vitest.cancelCurrentRun("keyboard-input");
    void vitest.cancelCurrentRun("keyboard-input");
  };
  const onAbort = () => stop("cancelled");
  const timer = setTimeout(() => stop("timeout"), limitMs);
  signal?.addEventListener("abort", onAbort, { once: true });
  const exitCode = process.exitCode; // vitest sets it on failures; the CLI decides its own
  let unhandled: TestError[];
  try {
    if (signal?.aborted) stopped = "cancelled";
    else await vitest.start();
  } catch (error) {
    if (!stopped) crash = error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
    unhandled = vitest.state.getUnhandledErrors() as TestError[];
    await vitest.close();
    process.exitCode = exitCode;
  }
  const modules = vitest.state.getTestModules() as TestModule[];
  return { modules, stopped, crash, unhandled };
}

/** Runs the hidden suite once. Never throws for a learner's mistake: that is in the result. */
export async function runSuite(
  exercise: Exercise,
  files: Files,
  options: SuiteOptions,
): Promise<SuiteResult> {
  const limitMs = options.limitMs ?? Math.max(30_000, exercise.timeoutMs * 3);
  removeStaleRuns(options.cacheDir);
  // A folder per run: watch mode and a `run` in another terminal may judge the same exercise at once.
  const runDir = mkdtempSync(join(options.cacheDir, `run-${process.pid}-`));
  const started = performance.now();
  let run: Awaited<ReturnType<typeof runVitest>>;
  try {
    materialize(runDir, [{ id: exercise.slug, files: { ...files, ...exercise.tests } }]);
    run = await runVitest(runDir, exercise.timeoutMs, limitMs, options.signal);
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
  const dir = join(runDir, exercise.slug);
  const shown = options.show(options.learnerDir);
  const map = pathMapper(dir, shown);
  const stopped: RunProblem | undefined =
    run.stopped === "timeout"
      ? {
          kind: "stopped",
          message: `Stopped after ${Math.round(limitMs / 1000)} s: the tests did not finish.`,
        }
      : undefined;
  const parts = await readModules(run.modules, {
    dir,
    files: { ...files, ...exercise.tests },
    unhandled: run.stopped ? [] : run.unhandled,
    rewrite: map.rewrite,
    onFailure: (outcome: LearnOutcome, test) => {
      const at = map.learnerFrame(test.result().errors?.[0]);
      if (at) outcome.at = at;
    },
    ...(stopped ? { stopped } : {}),
  });
  if (run.crash && !run.stopped) parts.problems.push({ kind: "engine", message: map.rewrite(run.crash) });
  const problem = run.stopped ? undefined : suiteProblem(parts.problems, shown);
  const report: SuiteResult = {
    engine: "node",
    status: "fail",
    durationMs: performance.now() - started,
    tests: parts.tests,
    output: problem?.message ?? (run.crash ? map.rewrite(run.crash) : ""),
    limitMs,
    ...(parts.problems.length > 0 ? { problems: parts.problems } : {}),
    ...(parts.notRun.length > 0 ? { notRun: parts.notRun } : {}),
    ...(problem ? { problem } : {}),
    ...(run.stopped === "cancelled" ? { cancelled: true } : {}),
  };
  report.status = runStatus(report);
  return report;
}
