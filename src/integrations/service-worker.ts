// Writes dist/sw.js after the build: src/site/sw/service-worker.ts bundled with this build's manifest
// (which files to precache, Pagefind's bundle, the build's version). Runs after the search index, so
// the manifest sees Pagefind's files.
import type { AstroIntegration } from "astro";
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { swManifest, type BuiltFile } from "../site/sw/manifest";
import { SW_URL } from "../site/sw/messages";

async function builtFiles(root: string): Promise<BuiltFile[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const full = join(entry.parentPath, entry.name);
        const content = await readFile(full);
        return {
          path: `/${relative(root, full).split(sep).join("/")}`,
          bytes: content.length,
          hash: createHash("sha256").update(content).digest("hex"),
        };
      }),
  );
  return files.filter((file) => file.path !== SW_URL).sort((a, b) => a.path.localeCompare(b.path));
}

/** A short digest of every file's path and content: any change to the site is a new version. */
function versionOf(files: BuiltFile[]): string {
  const digest = createHash("sha256");
  for (const file of files) digest.update(`${file.path}\0${file.hash}\n`);
  return digest.digest("hex").slice(0, 16);
}

export function serviceWorker(): AstroIntegration {
  return {
    name: "build-pocketflow:service-worker",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = await builtFiles(out);
        const manifest = swManifest(files, versionOf(files));
        const result = await build({
          entryPoints: [fileURLToPath(new URL("../site/sw/service-worker.ts", import.meta.url))],
          bundle: true,
          format: "iife",
          platform: "browser",
          target: "es2022",
          minify: true,
          define: { SW_MANIFEST: JSON.stringify(manifest) },
          write: false,
          logLevel: "silent",
        });
        await writeFile(join(out, SW_URL), result.outputFiles[0]?.text ?? "");
        const precached = files.filter((file) =>
          manifest.precache.some((path) => file.path === path || `${path}index.html` === file.path),
        );
        const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
        logger.info(
          `sw.js ${manifest.version}: ${manifest.precache.length} files precached (${kb(precached.reduce((sum, file) => sum + file.bytes, 0))}), ` +
            `${manifest.search.length} search files on first search`,
        );
      },
    },
  };
}
