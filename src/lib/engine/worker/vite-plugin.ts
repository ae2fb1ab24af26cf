// Vite plugin for the offline test engine. It bundles the test worker into one self-contained script
// with esbuild, exposed as text through a virtual module (a worker inside an opaque-origin iframe
// cannot load a script from the site's origin, so the page posts this text to the iframe, which
// starts the worker from a Blob URL). It also makes the sandbox iframe's document: the iframe's
// bundled script inline, under a Content-Security-Policy that allows that script (by its hash),
// eval (the worker compiles the learner's modules), workers from blob: URLs, and nothing else: no
// network at all. Blob workers inherit the policy of the document that starts them, so learner
// code in the worker has no network either. The document is served by `astro dev` and emitted by
// every build; the virtual module `virtual:pocketflow-test-sandbox` gives the page its URL.
import { build, type Format, type Plugin as EsbuildPlugin } from "esbuild";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const WORKER = "virtual:pocketflow-test-worker";
const SANDBOX = "virtual:pocketflow-test-sandbox";
/** Where the sandbox document lives below the site's base. */
export const SANDBOX_PATH = "engine-sandbox.html";

const ENTRIES: Record<string, { file: string; format: Format }> = {
  [WORKER]: { file: "./worker.ts", format: "iife" },
  [SANDBOX]: { file: "./sandbox.ts", format: "iife" },
};

interface Bundle {
  code: string;
  inputs: string[];
}

/** `warm-up:core`: the course's core as text, which the worker's warm-up compiles and runs. */
const warmUpCore: EsbuildPlugin = {
  name: "warm-up-core",
  setup(bundler) {
    const core = fileURLToPath(new URL("../../../../core/index.ts", import.meta.url));
    bundler.onResolve({ filter: /^warm-up:core$/ }, () => ({ path: core, namespace: "warm-up" }));
    bundler.onLoad({ filter: /.*/, namespace: "warm-up" }, async (args) => ({
      contents: await readFile(args.path, "utf8"),
      loader: "text",
      watchFiles: [args.path],
    }));
  },
};

/** Bundles one entry for the browser: minified, no external imports. */
export async function bundleEntry(id: string): Promise<Bundle> {
  const entry = ENTRIES[id];
  if (!entry) throw new Error(`unknown test engine bundle ${id}`);
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry.file, import.meta.url))],
    bundle: true,
    format: entry.format,
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "eof",
    define: { "process.env.NODE_ENV": '"production"' },
    metafile: true,
    write: false,
    plugins: [warmUpCore],
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  const inputs = Object.keys(result.metafile.inputs)
    .map((input) => input.replace(/^warm-up:/, ""))
    .filter((input) => !input.includes("node_modules") && !input.includes(":"))
    .map((input) => resolve(input)); // esbuild names inputs relative to the working directory
  return { code, inputs };
}

/** The sandbox policy: the iframe's script by hash, eval for the worker, blob: workers; no network. */
export function sandboxPolicy(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src '${scriptHash}' 'unsafe-eval'`,
    "worker-src blob:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The sandbox iframe's whole document around its bundled script. */
export function sandboxDocument(script: string): string {
  const inline = script.replaceAll("</", "<\\/");
  const hash = `sha256-${createHash("sha256").update(inline).digest("base64")}`;
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${sandboxPolicy(hash)}">` +
    `<title>Test sandbox</title></head><body><script>${inline}</script></body></html>\n`
  );
}

export function testWorkerBundle(): Plugin {
  const bundles = new Map<string, Promise<Bundle>>();
  const watched = new Set<string>();
  let base = "/";

  const bundleOf = async (id: string) => {
    let bundle = bundles.get(id);
    if (!bundle) bundles.set(id, (bundle = bundleEntry(id)));
    return bundle.catch((error: unknown) => {
      bundles.delete(id);
      throw error;
    });
  };
  const documentText = async () => sandboxDocument((await bundleOf(SANDBOX)).code);

  return {
    name: "pocketflow-test-worker",
    configResolved(config) {
      base = config.base.endsWith("/") ? config.base : `${config.base}/`;
    },
    resolveId(id) {
      return id in ENTRIES ? `\0${id}` : undefined;
    },
    async load(resolved) {
      const id = resolved.startsWith("\0") ? resolved.slice(1) : "";
      if (!(id in ENTRIES)) return undefined;
      const { code, inputs } = await bundleOf(id);
      for (const input of inputs) {
        watched.add(input);
        this.addWatchFile(input);
      }
      const value = id === SANDBOX ? `${base}${SANDBOX_PATH}` : code;
      // No source map: the module is one string literal.
      return { code: `export default ${JSON.stringify(value)};`, map: { mappings: "" } };
    },
    // `astro dev` (and vite's dev server): the sandbox document, with the server's own headers
    // (cross-origin isolation), so the iframe may live in the isolated page.
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.split("?")[0] !== `${base}${SANDBOX_PATH}`) return next();
        documentText().then(
          (text) => {
            for (const [name, value] of Object.entries(server.config.server.headers ?? {})) {
              if (value !== undefined) response.setHeader(name, value);
            }
            response.setHeader("Content-Type", "text/html; charset=utf-8");
            response.setHeader("Cache-Control", "no-cache");
            response.end(text);
          },
          (error: unknown) => next(error),
        );
      });
    },
    // Every build that bundles the page's engine also writes the document beside the page.
    async generateBundle() {
      if (this.environment.name !== "client") return;
      this.emitFile({ type: "asset", fileName: SANDBOX_PATH, source: await documentText() });
    },
    // In dev, an edit to a bundled source rebuilds the bundle: the changed virtual modules are
    // handed to Vite, which invalidates them and reloads the pages that use them.
    hotUpdate({ file }) {
      if (!watched.has(file)) return;
      bundles.clear();
      return Object.keys(ENTRIES).flatMap(
        (id) => this.environment.moduleGraph.getModuleById(`\0${id}`) ?? [],
      );
    },
  };
}
