// Builds the search index from the built lesson pages with Pagefind's Node API, after `astro build`,
// into dist/pagefind/. The header's search (src/site/search-dialog.ts) loads it on first use.
import type { AstroIntegration } from "astro";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { close, createIndex } from "pagefind";

/** What is indexed of a lesson page: its <main>, less the parts that are not the lesson's own text. */
const INDEX_OPTIONS = {
  rootSelector: "main",
  excludeSelectors: [
    "nav", // table of contents, course sidebar, previous/next: every page has them
    "svg", // diagram labels read as noise in excerpts
    ".exercise details", // the hints: no spoilers in search results
    ".exercise figure", // the starter code, shown again in the editor
    "[hidden], button", // controls and what only scripts show
  ],
  forceLanguage: "en",
};

export function searchIndex(): AstroIntegration {
  return {
    name: "build-pocketflow:search-index",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        try {
          const { index, errors } = await createIndex(INDEX_OPTIONS);
          if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
          const added = await index.addDirectory({ path: out, glob: "lessons/**/index.html" });
          if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join("; ")}`);
          if (added.page_count === 0) throw new Error("Pagefind found no lesson pages to index");
          const written = await index.writeFiles({ outputPath: join(out, "pagefind") });
          if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join("; ")}`);
          logger.info(`indexed ${added.page_count} lessons into pagefind/`);
        } finally {
          await close();
        }
      },
    },
  };
}
