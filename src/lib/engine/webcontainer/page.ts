// The edge where the page picks the real runtime: the WebContainer engine over `@webcontainer/api`,
// with the sandbox project and its snapshot as the site serves them. Imported on demand.
import { createApiRuntime } from "./api-runtime";
import { createWebContainerEngine, type WebContainerEngine } from "./engine";
import { fetchSnapshot, sandboxProject } from "./project";
import type { TestPlan } from "../worker/collect";

/** `planSuite`: the offline engine's planner (the page has no eval; the offline sandbox has). */
export async function createPageWebContainerEngine(
  planSuite?: (tests: Record<string, string>) => Promise<TestPlan | undefined>,
): Promise<WebContainerEngine> {
  return createWebContainerEngine({
    ...(planSuite ? { planSuite } : {}),
    // The site sends COEP require-corp (astro.config.mjs, public/_headers, vercel.json).
    runtime: createApiRuntime({ coep: "require-corp" }),
    project: await sandboxProject(),
    loadSnapshot: fetchSnapshot,
  });
}
