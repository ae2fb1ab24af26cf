// @ts-check
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import { linkCheck } from "./src/integrations/link-check.ts";
import { searchIndex } from "./src/integrations/search-index.ts";
import { serviceWorker } from "./src/integrations/service-worker.ts";
import { siteUrl } from "./src/integrations/site-url.ts";
import { lineIndent } from "./src/lib/line-indent.ts";
import { shikiThemes } from "./src/lib/shiki.ts";
import { sitePolicy } from "./src/lib/csp/integration.ts";
import { HEADER_POLICY } from "./src/lib/csp/policy.ts";
import { testWorkerBundle } from "./src/lib/engine/worker/vite-plugin.ts";
import { sandboxSnapshot } from "./src/lib/engine/webcontainer/build/integration.ts";
import { typescriptAssets } from "./src/workspace/typescript/vite-plugin.ts";

// The in-browser test engine (WebContainer) needs a cross-origin isolated page.
// Astro passes `server.headers` to both `astro dev` and `astro preview`; deploys get the same
// headers from public/_headers (Netlify, Cloudflare Pages) and vercel.json (Vercel).
const crossOriginIsolation = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

/** Pages that are not content: kept out of the sitemap (and marked noindex). */
const NOT_CONTENT = ["/404", "/offline/"];

export default defineConfig({
  // The public origin (SITE_URL when deploying): canonical URLs, social cards, sitemap, robots.txt.
  site: siteUrl(),
  output: "static",
  trailingSlash: "always",
  // After the build, in this order: the WebContainer's sandbox snapshot (_sandbox/), the sitemap, the
  // search index, the link check over everything written, the Content-Security-Policy with the hashes
  // of inline scripts written into every page (src/lib/csp/; dev and preview send its network part as
  // a header too), then the service worker, whose manifest lists the finished files.
  integrations: [
    mdx(),
    sandboxSnapshot(),
    sitemap({ filter: (page) => !NOT_CONTENT.some((path) => new URL(page).pathname.startsWith(path)) }),
    searchIndex(),
    linkCheck(),
    sitePolicy(),
    serviceWorker(),
  ],
  // The lesson page is the learner's workspace; Astro's dev toolbar would sit on top of its results.
  devToolbar: { enabled: false },
  markdown: {
    syntaxHighlight: "shiki",
    shikiConfig: { themes: shikiThemes, transformers: [lineIndent] },
  },
  server: { headers: { ...crossOriginIsolation, "Content-Security-Policy": HEADER_POLICY } },
  vite: {
    // Bundles the offline test engine (worker + sandbox) as text the sandboxed iframe can start.
    // The editor's language service: its worker and typescript.js, content-hashed (see the plugin).
    plugins: [testWorkerBundle(), typescriptAssets()],
    // The worker bundle (sucrase, yaml, vitest's runner and expect) is one ~540 kB chunk by design;
    // it loads only when a learner starts an exercise.
    build: { chunkSizeWarningLimit: 600 },
  },
});
