// What every example's main shares: injected I/O, --help, configuration, and errors as one clear line.
import type { Readable, Writable } from "node:stream";
import type { NodeOptions } from "../../core/index";
import { loadConfig, type Env, type LlmConfig } from "./config";
import { ConfigError, Interrupted, LlmError, UsageError } from "./errors";
import { createLlm, type Llm } from "./llm";
import { DEFAULT_LESSONS_DIR } from "./lessons";

/** Everything a main touches from the outside world, injected so tests can run it as a function. */
export interface ExampleIO {
  args: string[];
  env: Env;
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** Aborted on Ctrl+C by run.ts. */
  signal?: AbortSignal;
}

/** An example's entry point: resolves to the process exit code. */
export type ExampleMain = (io: ExampleIO) => Promise<number>;

export interface Context {
  io: ExampleIO;
  config: LlmConfig;
  llm: Llm;
  /** A line of results, to stdout. */
  print: (text?: string) => void;
  /** A progress or retry note, to stderr. */
  note: (text: string) => void;
  /** Retry settings for nodes that call the LLM: 4 attempts, first wait from LLM_RETRY_WAIT. */
  retry: Required<NodeOptions>;
  /** Cancels LLM requests in flight (the chatbot calls it on Ctrl+C). */
  abort: () => void;
}

export interface ExampleSpec<A> {
  name: string;
  /** Shown for --help and after a usage error. */
  usage: string;
  /** Turns argv into typed arguments; throw UsageError (or let parseArgs throw) on bad input. */
  parse: (args: string[]) => A;
  run: (ctx: Context, args: A) => Promise<number | void>;
}

export async function runExample<A>(io: ExampleIO, spec: ExampleSpec<A>): Promise<number> {
  const print = (text = "") => void io.stdout.write(`${text}\n`);
  const note = (text: string) => void io.stderr.write(`${text}\n`);
  if (io.args.includes("--help") || io.args.includes("-h")) {
    print(spec.usage);
    return 0;
  }
  const controller = new AbortController();
  const abort = () => controller.abort();
  io.signal?.addEventListener("abort", abort, { once: true });
  try {
    const args = parseWithUsage(spec, io.args);
    const config = loadConfig(io.env, spec.name);
    const llm = createLlm(config, { log: note, signal: controller.signal });
    const retry = { maxRetries: 4, wait: config.retryWait };
    return (await spec.run({ io, config, llm, print, note, retry, abort }, args)) ?? 0;
  } catch (error) {
    return report(error, note, io.env.DEBUG);
  } finally {
    abort(); // nothing may outlive main: cancel what a failed parallel batch left in flight
    io.signal?.removeEventListener("abort", abort);
  }
}

function parseWithUsage<A>(spec: ExampleSpec<A>, args: string[]): A {
  try {
    return spec.parse(args);
  } catch (error) {
    // node:util parseArgs throws TypeErrors with codes like ERR_PARSE_ARGS_UNKNOWN_OPTION.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${message}\n\n${spec.usage}`);
  }
}

/** Prints what went wrong without a stack trace (unless DEBUG is set) and picks the exit code. */
function report(error: unknown, note: (text: string) => void, debug: string | undefined): number {
  if (error instanceof Interrupted) {
    note("\nInterrupted.");
    return 130;
  }
  if (error instanceof ConfigError || error instanceof UsageError) note(error.message);
  else if (error instanceof LlmError) note(`LLM error: ${error.message}`);
  else note(`Error: ${error instanceof Error ? error.message : String(error)}`);
  if (debug && error instanceof Error && error.stack) note(error.stack);
  return 1;
}

/** The lessons folder: --lessons, else LESSONS_DIR, else content/lessons. */
export const lessonsDir = (env: Env, flag: string | undefined) =>
  flag ?? env.LESSONS_DIR ?? DEFAULT_LESSONS_DIR;

/** A whole number ≥ `min` from a flag or variable, or a UsageError naming it. */
export function positiveInt(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`${name} must be a whole number ≥ ${min}, got '${value}'.`);
  return n;
}
