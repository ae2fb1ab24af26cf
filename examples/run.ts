// Entry point of `npm run example -- <name> [args]`: wires the real process into the dispatcher.
import { dispatch } from "./dispatch";

const controller = new AbortController();
let interrupts = 0;
// First Ctrl+C: cancel requests in flight and let the example end cleanly; a second one: leave now.
process.on("SIGINT", () => {
  if (++interrupts > 1) process.exit(130);
  controller.abort();
});

const code = await dispatch({
  args: process.argv.slice(2),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
});
process.exitCode = code;
// Exit even if something (an idle keep-alive socket, stdin) would keep the event loop open.
process.stdout.write("", () => process.exit(code));
