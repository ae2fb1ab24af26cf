// @ts-check
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { shikiThemes } from "./src/lib/shiki.ts";
import { testWorkerBundle } from "./src/lib/engine/worker/vite-plugin.ts";
import { typescriptAssets } from "./src/workspace/typescript/vite-plugin.ts";

// The in-browser test engine (WebContainer) needs a cross-origin isolated page.
// Astro passes `server.headers` to both `astro dev` and `astro preview`.
const crossOriginIsolation = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  output: "static",
  trailingSlash: "always",
  integrations: [mdx()],
  markdown: {
    syntaxHighlight: "shiki",
    shikiConfig: { themes: shikiThemes },
  },
  server: { headers: crossOriginIsolation },
  vite: {
    // Bundles the offline test engine (worker + sandbox) as text the sandboxed iframe can start.
    // The editor's language service: its worker and typescript.js, content-hashed (see the plugin).
    plugins: [testWorkerBundle(), typescriptAssets()],
    // The worker bundle (sucrase, yaml, vitest's runner and expect) is one ~540 kB chunk by design;
    // it loads only when a learner starts an exercise.
    build: { chunkSizeWarningLimit: 600 },
  },
});
