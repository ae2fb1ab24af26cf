// @ts-check
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { shikiThemes } from "./src/lib/shiki.ts";

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
});
