// The edge where the page picks the real runtime: the WebContainer engine over `@webcontainer/api`,
// with the sandbox project and its snapshot as the site serves them. Imported on demand.
import { createApiRuntime } from "./api-runtime";
import { createWebContainerEngine, type WebContainerEngine } from "./engine";
import { fetchSnapshot, sandboxProject } from "./project";

export async function createPageWebContainerEngine(): Promise<WebContainerEngine> {
  return createWebContainerEngine({
    // The site sends COEP require-corp (astro.config.mjs, public/_headers, vercel.json).
    runtime: createApiRuntime({ coep: "require-corp" }),
    project: await sandboxProject(),
    loadSnapshot: fetchSnapshot,
  });
}
