// Modules made by vite-plugin.ts: the test worker bundle as text, and the sandbox document's URL.
declare module "virtual:pocketflow-test-worker" {
  /** One self-contained script (IIFE): the worker's source, started from a Blob URL in the sandbox. */
  const source: string;
  export default source;
}

declare module "virtual:pocketflow-test-sandbox" {
  /** The sandbox iframe's document (its script and Content-Security-Policy), below the site's base. */
  const url: string;
  export default url;
}

declare module "warm-up:core" {
  /** The course's core (core/index.ts) as text, for the test worker's warm-up (bundled by esbuild). */
  const source: string;
  export default source;
}
