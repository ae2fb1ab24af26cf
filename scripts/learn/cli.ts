// Entry of `npm run learn`: wires the real terminal to runCommand (see commands.ts).
import { runCommand } from "./commands";

const interrupt = new AbortController();
// Ctrl+C stops watching cleanly: the test run in progress is cancelled; progress is already saved.
// The signal often arrives twice (the terminal signals the whole process group, and tsx relays it
// again), so repeats are ignored, and a shutdown that hangs is cut short.
process.on("SIGINT", () => {
  if (interrupt.signal.aborted) return;
  interrupt.abort();
  setTimeout(() => process.exit(130), 5000).unref();
});

process.exitCode = await runCommand(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: interrupt.signal,
});
