// Fails `astro build` when a built page links to a page, file or #anchor that does not exist,
// naming every page and link (src/integrations/links.ts does the checking).
import type { AstroIntegration } from "astro";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { checkLinks, formatBroken } from "./links";

export function linkCheck(): AstroIntegration {
  let origin = "";
  return {
    name: "build-pocketflow:link-check",
    hooks: {
      "astro:config:done": ({ config }) => {
        origin = config.site ? new URL(config.site).origin : "";
      },
      "astro:build:done": ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => `/${relative(root, join(entry.parentPath, entry.name)).split(sep).join("/")}`);
        const broken = checkLinks({
          files: new Set(files),
          read: (file) => readFileSync(join(root, file), "utf8"),
          origin: origin || "http://localhost",
        });
        const pages = files.filter((file) => file.endsWith(".html")).length;
        if (broken.length > 0) {
          const count =
            broken.length === 1 ? "1 broken internal link" : `${broken.length} broken internal links`;
          throw new Error(`${count} in the built site:\n${formatBroken(broken)}`);
        }
        logger.info(`every internal link and #anchor of ${pages} pages resolves`);
      },
    },
  };
}
