// Builds the parity harness page with Vite (production mode, the same worker-bundle plugin as the
// site) and serves it with the site's cross-origin isolation headers, so timings are those of the
// deployed site.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { projectRoot } from "../../src/lib/exercises/load";
import { testWorkerBundle } from "../../src/lib/engine/worker/vite-plugin";

export interface HarnessServer {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

const HEADERS = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export async function startHarnessServer(): Promise<HarnessServer> {
  const outDir = join(projectRoot, ".cache", "parity-harness");
  await build({
    configFile: false,
    root: fileURLToPath(new URL(".", import.meta.url)),
    logLevel: "error",
    plugins: [testWorkerBundle()],
    build: { outDir, emptyOutDir: true },
  });

  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    const file = join(outDir, path.endsWith("/") ? `${path}index.html` : path);
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
          ...HEADERS,
        });
        response.end(body);
      },
      () => {
        response.writeHead(404, HEADERS);
        response.end();
      },
    );
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}
