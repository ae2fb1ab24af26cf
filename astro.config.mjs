// @ts-check
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { shikiThemes } from "./src/lib/shiki.ts";
import { testWorkerBundle } from "./src/lib/engine/worker/vite-plugin.ts";
import { sandboxSnapshot } from "./src/lib/engine/webcontainer/build/integration.ts";

// The in-browser test engine (WebContainer) needs a cross-origin isolated page.
// Astro passes `server.headers` to both `astro dev` and `astro preview`; deploys get the same
// headers from public/_headers (Netlify, Cloudflare Pages) and vercel.json (Vercel).
const crossOriginIsolation = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  output: "static",
  trailingSlash: "always",
  // sandboxSnapshot: the WebContainer's sandbox project, snapshotted into the build (_sandbox/).
  integrations: [mdx(), sandboxSnapshot()],
  // The lesson page is the learner's workspace; Astro's dev toolbar would sit on top of its results.
  devToolbar: { enabled: false },
  markdown: {
    syntaxHighlight: "shiki",
    shikiConfig: { themes: shikiThemes },
  },
  server: { headers: crossOriginIsolation },
  vite: {
    // Bundles the offline test engine (worker + sandbox) as text the sandboxed iframe can start.
    plugins: [testWorkerBundle()],
    // The worker bundle (sucrase, yaml, vitest's runner and expect) is one ~540 kB chunk by design;
    // it loads only when a learner starts an exercise.
    build: { chunkSizeWarningLimit: 600 },
  },
});
