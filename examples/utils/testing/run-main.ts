// Runs an example's main as a function, with scripted input and captured output, for tests.
import { PassThrough, Writable } from "node:stream";
import type { Env } from "../config";
import type { ExampleMain } from "../cli";

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  args?: string[];
  env?: Env;
  /** Lines typed by the user; input ends after them (like Ctrl+D). */
  input?: string[];
  signal?: AbortSignal;
}

class Capture extends Writable {
  text = "";
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

/** The env a test uses to point an example at the stub, with millisecond retry waits. */
export const stubEnv = (url: string, extra: Env = {}): Env => ({
  OPENAI_BASE_URL: url,
  LLM_MODEL: "stub-model",
  LLM_RETRY_WAIT: "0.01",
  ...extra,
});

export async function runMain(main: ExampleMain, options: RunOptions = {}): Promise<MainResult> {
  const stdin = new PassThrough();
  stdin.end(options.input?.map((line) => `${line}\n`).join("") ?? "");
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main({
    args: options.args ?? [],
    env: options.env ?? {},
    stdin,
    stdout,
    stderr,
    signal: options.signal,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
