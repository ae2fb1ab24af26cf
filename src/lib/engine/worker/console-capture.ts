// Collects what the learner's code and the suite print. The capturing methods are plain functions
// on `console`, so `vi.spyOn(console, "warn")` wraps them and `vi.restoreAllMocks()` puts them
// back, exactly as it does over Node's console in vitest.
import { format } from "@vitest/utils/display";

const METHODS = ["log", "info", "warn", "error", "debug"] as const;
type Method = (typeof METHODS)[number];

/** Output beyond this is dropped, so a logging loop cannot exhaust the worker's memory. */
export const MAX_OUTPUT_CHARS = 200_000;

export interface ConsoleCapture {
  /** Everything printed so far. */
  text(): string;
  /** Text printed since the last call (for streaming progress to the page). */
  takeNew(): string;
  /** Puts the capturing methods back (a test may have replaced console.warn by hand). */
  install(): void;
}

export function captureConsole(target: Pick<Console, Method> = console): ConsoleCapture {
  let output = "";
  let sent = 0;
  let truncated = false;
  const write = (method: Method, args: unknown[]) => {
    if (truncated) return;
    const prefix = method === "warn" || method === "error" ? `${method}: ` : "";
    output += `${prefix}${format(...args)}\n`;
    if (output.length > MAX_OUTPUT_CHARS) {
      output = `${output.slice(0, MAX_OUTPUT_CHARS)}\n… output truncated after ${MAX_OUTPUT_CHARS} characters\n`;
      truncated = true;
    }
  };
  const capturing = Object.fromEntries(
    METHODS.map((method) => [method, (...args: unknown[]) => write(method, args)]),
  ) as Pick<Console, Method>;
  const capture: ConsoleCapture = {
    text: () => output,
    takeNew() {
      const fresh = output.slice(sent);
      sent = output.length;
      return fresh;
    },
    install() {
      Object.assign(target, capturing);
    },
  };
  capture.install();
  return capture;
}
