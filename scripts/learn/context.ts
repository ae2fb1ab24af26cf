// Where the learn CLI reads and writes, and how it talks to the learner. Everything a test wants to
// swap (the workspace folder, the exercises, the streams) comes in through here.
import { mkdirSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { styleText } from "node:util";
import type { Exercise } from "../../src/lib/exercises/schema";
import { listExerciseSlugs, loadExercise, projectRoot } from "../../src/lib/exercises/load";

/** The learner's terminal: injected so that tests can type answers and read what was printed. */
export interface LearnIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env?: Record<string, string | undefined>;
  /** Paths are shown relative to this folder when they are inside it. */
  cwd?: string;
  /** Aborted on Ctrl+C: watch mode stops and returns. */
  signal?: AbortSignal;
}

/** What tests (or other scripts) may change; the CLI uses the defaults. */
export interface LearnOptions {
  /** The exercises in course order; by default every valid one under exercises/. */
  exercises?: () => Exercise[];
  /** Where hidden suites are copied to run; must sit inside the project so `vitest` resolves. */
  cacheDir?: string;
  /** Quiet time after the last save before watch mode re-runs (editors write several times). */
  debounceMs?: number;
  /** Upper bound for one whole run; by default three test timeouts, at least 30 s. */
  runLimitMs?: number;
}

export interface LearnContext {
  io: LearnIO;
  workspace: string;
  cacheDir: string;
  exercises: Exercise[];
  debounceMs: number;
  runLimitMs?: number;
  /** A path as the learner should read it: relative when inside the current folder. */
  show(path: string): string;
  out(text?: string): void;
  err(text?: string): void;
  /** Colours only when the stream is a terminal that wants them (styleText checks NO_COLOR etc.). */
  style(format: Parameters<typeof styleText>[0], text: string): string;
  /** Prints `question` and resolves with the next line typed (empty on end of input). */
  ask(question: string): Promise<string>;
}

/** Loads every exercise, skipping (with a warning) one that is half-written or invalid. */
function loadCourse(warn: (text: string) => void): Exercise[] {
  const loaded: Exercise[] = [];
  for (const slug of listExerciseSlugs()) {
    try {
      loaded.push(loadExercise(slug));
    } catch (error) {
      warn(`Skipped exercises/${slug}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return loaded;
}

export function createContext(io: LearnIO, workspaceFlag: string | undefined, options: LearnOptions) {
  const cwd = io.cwd ?? process.cwd();
  const workspace = resolve(cwd, workspaceFlag ?? io.env?.LEARN_WORKSPACE ?? join(projectRoot, "workspace"));
  const cacheDir = options.cacheDir ?? join(projectRoot, ".cache", "learn");
  mkdirSync(cacheDir, { recursive: true });
  const write =
    (stream: NodeJS.WritableStream) =>
    (text = "") =>
      void stream.write(`${text}\n`);
  const err = write(io.stderr);
  const context: LearnContext = {
    io,
    workspace,
    cacheDir,
    exercises: options.exercises ? options.exercises() : loadCourse(err),
    debounceMs: options.debounceMs ?? 300,
    runLimitMs: options.runLimitMs,
    show(path) {
      const inside = relative(cwd, path);
      return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : path;
    },
    out: write(io.stdout),
    err,
    style: (format, text) => styleText(format, text, { stream: io.stdout }),
    ask: (question) => askLine(io, question),
  };
  return context;
}

async function askLine(io: LearnIO, question: string): Promise<string> {
  io.stdout.write(question);
  const lines = createInterface({ input: io.stdin, terminal: false });
  let answer = "";
  try {
    for await (const line of lines) {
      answer = line;
      break;
    }
    // a terminal echoes what was typed; piped input does not, so the answer is echoed here
    if ((io.stdin as { isTTY?: boolean }).isTTY !== true) io.stdout.write(`${answer}\n`);
    return answer;
  } finally {
    lines.close();
  }
}
