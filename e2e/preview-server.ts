// Starts `astro preview` on the built site (dist/) on a free port and waits until it answers.
// Shared by the e2e suite's global setup and the workspace benchmark.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export interface PreviewServer {
  url: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const POLL_MS = 150;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

/** Polls `url` until it answers 200, the server dies, or the time runs out. */
async function waitForAnswer(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let died = false;
  void exited(child).then(() => (died = true));
  while (Date.now() < deadline) {
    if (died) throw new Error(`astro preview exited before answering:\n${log()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`astro preview did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${log()}`);
}

export async function startPreview(root: string): Promise<PreviewServer> {
  if (!existsSync(join(root, "dist", "index.html"))) {
    throw new Error(`No built site in ${join(root, "dist")}: run \`npm run build\` first.`);
  }
  const port = await freePort();
  const astro = join(root, "node_modules", "astro", "bin", "astro.mjs");
  const child = spawn(process.execPath, [astro, "preview", "--host", "127.0.0.1", "--port", String(port)], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited(child);
  };
  try {
    await waitForAnswer(`${url}/`, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
