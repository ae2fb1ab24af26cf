// The edge where the page picks the real runtime: the WebContainer engine over `@webcontainer/api`,
// with the sandbox project and its snapshot as the site serves them. Imported on demand.
import { createApiRuntime } from "./api-runtime";
import { createWebContainerEngine, type WebContainerEngine } from "./engine";
import { fetchSnapshot, sandboxProject } from "./project";
import type { TestPlan } from "../worker/collect";

// The trace capture's sources as text, each its own small chunk, fetched by the first traced run.
const TRACER_SOURCES = import.meta.glob<string>(
  [
    "../../../../core/trace.ts",
    "../../../../core/trace/*.ts",
    "!**/*.test.ts",
    "../../trace/capture.ts",
    "../../trace/model.ts",
  ],
  { query: "?raw", import: "default" },
);

/** A glob key (relative to this file) as the repository path trace-files.ts expects. */
const repositoryPath = (key: string) =>
  key.startsWith("../../../../") ? key.slice("../../../../".length) : `src/lib/${key.slice("../../".length)}`;

async function tracerSources(): Promise<Record<string, string>> {
  const entries = Object.entries(TRACER_SOURCES).map(async ([key, load]) => [
    repositoryPath(key),
    await load(),
  ]);
  return Object.fromEntries(await Promise.all(entries));
}

/** `planSuite`: the offline engine's planner (the page has no eval; the offline sandbox has). */
export async function createPageWebContainerEngine(
  planSuite?: (tests: Record<string, string>) => Promise<TestPlan | undefined>,
): Promise<WebContainerEngine> {
  return createWebContainerEngine({
    ...(planSuite ? { planSuite } : {}),
    tracerSources,
    // The site sends COEP require-corp (astro.config.mjs, public/_headers, vercel.json).
    runtime: createApiRuntime({ coep: "require-corp" }),
    project: await sandboxProject(),
    loadSnapshot: fetchSnapshot,
  });
}
