// @ts-check
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { shikiThemes } from "./src/lib/shiki.ts";
import { sitePolicy } from "./src/lib/csp/integration.ts";
import { HEADER_POLICY } from "./src/lib/csp/policy.ts";
import { testWorkerBundle } from "./src/lib/engine/worker/vite-plugin.ts";

// The in-browser test engine (WebContainer) needs a cross-origin isolated page.
// Astro passes `server.headers` to both `astro dev` and `astro preview`.
const crossOriginIsolation = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  output: "static",
  trailingSlash: "always",
  // sitePolicy writes the Content-Security-Policy, with the hashes of inline scripts, into every
  // built page (src/lib/csp/); dev and preview send its network part as a header too.
  integrations: [mdx(), sitePolicy()],
  markdown: {
    syntaxHighlight: "shiki",
    shikiConfig: { themes: shikiThemes },
  },
  server: { headers: { ...crossOriginIsolation, "Content-Security-Policy": HEADER_POLICY } },
  vite: {
    // Bundles the offline test engine (worker + sandbox) as text the sandboxed iframe can start.
    plugins: [testWorkerBundle()],
    // The worker bundle (sucrase, yaml, vitest's runner and expect) is one ~540 kB chunk by design;
    // it loads only when a learner starts an exercise.
    build: { chunkSizeWarningLimit: 600 },
  },
});
