// A bare static host for dist/, like the ones the course deploys to, with headers of the test's
// choosing (a strict Content-Security-Policy, cross-origin isolation): unknown paths answer 404 with
// dist/404.html, directories their index.html.
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  url: string;
  /** The headers of every answer; a test may change them between requests. */
  headers: Record<string, string>;
  /** Serves `body` at `path` instead of the built file: a new deploy, as far as browsers can tell. */
  override(path: string, body: string): void;
  stop(): Promise<void>;
}

async function fileFor(root: string, pathname: string): Promise<string | undefined> {
  const path = normalize(join(root, decodeURIComponent(pathname)));
  if (!path.startsWith(root)) return undefined;
  const candidate = pathname.endsWith("/") ? join(path, "index.html") : path;
  const found = await stat(candidate).catch(() => undefined);
  return found?.isFile() ? candidate : undefined;
}

export async function startStaticServer(
  root: string,
  headers: Record<string, string>,
): Promise<StaticServer> {
  const overrides = new Map<string, string>();
  const host = { headers };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const { pathname } = new URL(request.url ?? "/", "http://localhost");
      const file = await fileFor(root, pathname);
      const status = file ? 200 : 404;
      const path = file ?? join(root, "404.html");
      const body = overrides.get(pathname) ?? (await readFile(path));
      response.writeHead(status, {
        ...host.headers,
        "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
        "Cache-Control": "no-cache",
      });
      response.end(body);
    })().catch(() => {
      response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    get headers() {
      return host.headers;
    },
    set headers(value) {
      host.headers = value;
    },
    override: (path, body) => overrides.set(path, body),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
