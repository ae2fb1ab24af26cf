// Vite plugin for the editor's language service. `virtual:pocketflow-typescript-assets` gives the
// page the URLs of two files it loads only after the editor opens:
//   - the worker (worker.ts bundled by esbuild, with the exercise environment inside);
//   - typescript.js (minified once per TypeScript version, cached in .cache/typescript/).
// A build writes both, content-hashed, to `<assetsDir>/typescript/` (so they can be cached forever)
// and lists them in `typescript-assets.json` at the site's root, for an offline cache to precache.
// In dev they are served unhashed from /@pocketflow-typescript/.
import { build, transform } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { projectRoot } from "../../lib/exercises/load";
import { loadExerciseEnvironment, typescriptLibDir } from "../../lib/typescript/load-environment";

const ASSETS = "virtual:pocketflow-typescript-assets";
const ENVIRONMENT = "virtual:pocketflow-typescript-environment";
const DEV_PREFIX = "/@pocketflow-typescript/";
/** The build's list of the files, at the root of the site. */
export const MANIFEST = "typescript-assets.json";

async function bundleWorker(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./worker.ts", import.meta.url))],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
    plugins: [
      {
        name: "exercise-environment",
        setup(build) {
          build.onResolve({ filter: new RegExp(`^${ENVIRONMENT}$`) }, () => ({
            path: ENVIRONMENT,
            namespace: "virtual",
          }));
          build.onLoad({ filter: /.*/, namespace: "virtual" }, () => ({
            contents: JSON.stringify(loadExerciseEnvironment()),
            loader: "json",
          }));
        },
      },
    ],
  });
  return result.outputFiles[0]?.text ?? "";
}

const typescriptSource = () => readFileSync(join(typescriptLibDir(), "typescript.js"), "utf8");

/** typescript.js minified (a third of the bytes); its licence comment stays. Cached per version. */
async function minifiedTypescript(): Promise<string> {
  const { version } = JSON.parse(readFileSync(join(typescriptLibDir(), "..", "package.json"), "utf8")) as {
    version: string;
  };
  const cacheDir = join(projectRoot, ".cache", "typescript");
  const cached = join(cacheDir, `typescript-${version}.min.js`);
  if (existsSync(cached)) return readFileSync(cached, "utf8");
  const { code } = await transform(typescriptSource(), {
    minify: true,
    target: "es2022",
    legalComments: "inline",
  });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, code);
  return code;
}

const contentHash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 10);

export function typescriptAssets(): Plugin {
  let serving = false;
  let assetsDir = "_astro";
  let base = "/";
  const emitted: string[] = [];
  return {
    name: "pocketflow-typescript",
    configResolved(config) {
      serving = config.command === "serve";
      assetsDir = config.build.assetsDir;
      base = config.base;
    },
    resolveId(id) {
      return id === ASSETS ? `\0${ASSETS}` : undefined;
    },
    async load(id) {
      if (id !== `\0${ASSETS}`) return undefined;
      if (serving) {
        const urls = { workerUrl: `${DEV_PREFIX}worker.js`, typescriptUrl: `${DEV_PREFIX}typescript.js` };
        return `export default ${JSON.stringify(urls)};`;
      }
      const [worker, typescript] = await Promise.all([bundleWorker(), minifiedTypescript()]);
      const emit = (name: string, source: string) => {
        const fileName = `${assetsDir}/typescript/${name}.${contentHash(source)}.js`;
        emitted.push(fileName);
        return this.emitFile({ type: "asset", fileName, source });
      };
      const workerRef = emit("worker", worker);
      const typescriptRef = emit("typescript", typescript);
      return [
        `export default {`,
        `  workerUrl: import.meta.ROLLUP_FILE_URL_${workerRef},`,
        `  typescriptUrl: import.meta.ROLLUP_FILE_URL_${typescriptRef},`,
        `};`,
      ].join("\n");
    },
    generateBundle() {
      if (emitted.length === 0) return;
      const manifest = {
        about: "The language-service files the exercise editor loads after it opens; content-hashed.",
        files: emitted.map((fileName) => `${base}${fileName}`),
      };
      this.emitFile({ type: "asset", fileName: MANIFEST, source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
    configureServer(server) {
      server.middlewares.use(DEV_PREFIX, (request, response, next) => {
        const name = request.url?.replace(/^\//, "").split("?")[0];
        const source =
          name === "worker.js" ? bundleWorker() : name === "typescript.js" ? typescriptSource() : undefined;
        if (source === undefined) return next();
        void Promise.resolve(source).then(
          (text) => {
            // The page is cross-origin isolated (COEP): a worker script without the same headers is blocked.
            for (const [name, value] of Object.entries(server.config.server.headers ?? {})) {
              if (value !== undefined) response.setHeader(name, value);
            }
            response.setHeader("Content-Type", "text/javascript");
            response.end(text);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}
