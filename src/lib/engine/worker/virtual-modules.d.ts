// Modules made by vite-plugin.ts: the test worker bundle and the sandbox iframe's script, as text.
declare module "virtual:pocketflow-test-worker" {
  /** One self-contained script (IIFE): the worker's source, started from a Blob URL in the sandbox. */
  const source: string;
  export default source;
}

declare module "virtual:pocketflow-test-sandbox" {
  /** A classic script for the sandboxed iframe's srcdoc. */
  const script: string;
  export default script;
}
