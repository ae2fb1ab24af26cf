// Starts `astro preview` on dist/ for the whole e2e run and stops it afterwards.
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startPreview } from "./preview-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startPreview(fileURLToPath(new URL("..", import.meta.url)));
  project.provide("baseUrl", server.url);
  return () => server.stop();
}
