// Vite plugin that bundles the test worker (and the sandbox iframe's script) into single
// self-contained files with esbuild, exposed as text through virtual modules. A worker inside an
// opaque-origin iframe cannot load a script from the site's origin, so the page posts this text to
// the iframe, which starts the worker from a Blob URL. Works the same in `astro dev` and `astro build`.
import { build, type Format } from "esbuild";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const ENTRIES: Record<string, { file: string; format: Format }> = {
  "virtual:pocketflow-test-worker": { file: "./worker.ts", format: "iife" },
  "virtual:pocketflow-test-sandbox": { file: "./sandbox.ts", format: "iife" },
};

interface Bundle {
  code: string;
  inputs: string[];
}

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
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes("node_modules") && !input.includes(":"))
    .map((input) => resolve(input)); // esbuild names inputs relative to the working directory
  return { code, inputs };
}

export function testWorkerBundle(): Plugin {
  const bundles = new Map<string, Promise<Bundle>>();
  const watched = new Set<string>();
  return {
    name: "pocketflow-test-worker",
    resolveId(id) {
      return id in ENTRIES ? `\0${id}` : undefined;
    },
    async load(resolved) {
      const id = resolved.startsWith("\0") ? resolved.slice(1) : "";
      if (!(id in ENTRIES)) return undefined;
      let bundle = bundles.get(id);
      if (!bundle) bundles.set(id, (bundle = bundleEntry(id)));
      const { code, inputs } = await bundle.catch((error: unknown) => {
        bundles.delete(id);
        throw error;
      });
      for (const input of inputs) {
        watched.add(input);
        this.addWatchFile(input);
      }
      // No source map: the module is one string literal.
      return { code: `export default ${JSON.stringify(code)};`, map: { mappings: "" } };
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
