// Modules made by vite-plugin.ts.
declare module "virtual:pocketflow-typescript-assets" {
  /** URLs of the language-service worker and of typescript.js, content-hashed in a build. */
  const assets: { workerUrl: string; typescriptUrl: string };
  export default assets;
}

declare module "virtual:pocketflow-typescript-environment" {
  /** The exercise environment, bundled into the worker: lib.*.d.ts and package types. */
  const environment: import("../../lib/typescript/environment").ExerciseEnvironment;
  export default environment;
}
