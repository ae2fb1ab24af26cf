// The Astro integration that ships the sandbox project's snapshot: written into the build at
// `_sandbox/<hash>.snapshot` (content-addressed, served with a long cache, see public/_headers), and
// made on demand by `astro dev`. Set POCKETFLOW_SANDBOX_SNAPSHOT=off to build without it (the page
// then installs the project inside the WebContainer, which is slower but works); a site built with
// PUBLIC_WEBCONTAINER=off uses no WebContainer and gets no snapshot either.
import type { AstroIntegration } from "astro";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { snapshotPath } from "../layout";
import { buildSnapshot, type Snapshot } from "./snapshot";

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function sandboxSnapshot(): AstroIntegration {
  let root = process.cwd();
  let pending: Promise<Snapshot> | undefined;
  const cacheRoot = () => join(root, ".cache", "sandbox-project");
  const make = () => {
    pending ??= buildSnapshot(cacheRoot()).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
  const off = () =>
    process.env.POCKETFLOW_SANDBOX_SNAPSHOT === "off" || process.env.PUBLIC_WEBCONTAINER === "off";

  return {
    name: "pocketflow-sandbox-snapshot",
    hooks: {
      "astro:config:setup": ({ config }) => {
        root = fileURLToPath(config.root);
      },
      "astro:server:setup": ({ server, logger }) => {
        server.middlewares.use((request, response, next) => {
          const match = /\/_sandbox\/([0-9a-f]+)\.snapshot$/.exec(request.url?.split("?")[0] ?? "");
          if (!match || off()) return next();
          make().then(
            (built) => {
              if (built.hash !== match[1]) {
                response.statusCode = 404;
                return response.end();
              }
              response.setHeader("Content-Type", "application/octet-stream");
              response.end(built.gzipped);
            },
            (error: unknown) => {
              logger.warn(`No sandbox snapshot: ${error instanceof Error ? error.message : String(error)}`);
              response.statusCode = 404;
              response.end();
            },
          );
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        if (off()) {
          logger.warn("No sandbox snapshot (POCKETFLOW_SANDBOX_SNAPSHOT or PUBLIC_WEBCONTAINER is off).");
          return;
        }
        const started = performance.now();
        const built = await make();
        const target = join(fileURLToPath(dir), snapshotPath(built.hash));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, built.gzipped);
        logger.info(
          `sandbox snapshot ${snapshotPath(built.hash)}: ${megabytes(built.gzipped.length)} gzipped ` +
            `(${megabytes(built.rawBytes)} in the WebContainer) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
