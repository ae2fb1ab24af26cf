// An Astro integration that writes the site's Content-Security-Policy into every built page once
// the build is done: it reads the built HTML, hashes every inline script it finds (whatever put it
// there: an `is:inline` script, Astro, an integration), and puts one policy with all those hashes
// at the top of each page's <head>. See policy.ts for why the policy is shaped as it is, and
// src/workspace/README.md for why Astro's own `security.csp` is not used.
import type { AstroIntegration } from "astro";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hasPolicy, inlineScripts, pagePolicy, withPolicy } from "./policy";

const sha256 = (text: string) => `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;

/** Every .html file below a folder. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".html"))
    .map((path) => join(dir, path));
}

/** Writes the policy into the built pages of `dir`; returns how many pages and script hashes. */
export function writePolicies(dir: string): { pages: number; hashes: number } {
  const pages = htmlFiles(dir)
    .map((file) => ({ file, html: readFileSync(file, "utf8") }))
    .filter((page) => !hasPolicy(page.html));
  const hashes = [...new Set(pages.flatMap((page) => inlineScripts(page.html).map(sha256)))];
  const policy = pagePolicy(hashes);
  for (const page of pages) writeFileSync(page.file, withPolicy(page.html, policy));
  return { pages: pages.length, hashes: hashes.length };
}

export function sitePolicy(): AstroIntegration {
  return {
    name: "site-content-security-policy",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const { pages, hashes } = writePolicies(fileURLToPath(dir));
        logger.info(`Content-Security-Policy written into ${pages} pages (${hashes} inline script hashes)`);
      },
    },
  };
}
