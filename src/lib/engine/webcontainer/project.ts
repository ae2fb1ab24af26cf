// The sandbox project as the page ships it: its files (bundled as text with the engine) and its
// snapshot, fetched from the site when the WebContainer boots. The build names the snapshot by the
// same hash (build/integration.ts), so a snapshot of another project never fits.
import packageJson from "./project/package.json?raw";
import packageLock from "./project/package-lock.json?raw";
import progress from "./project/pocketflow-progress.js?raw";
import reporter from "./project/pocketflow-reporter.js?raw";
import vitestConfig from "./project/vitest.config.js?raw";
import { projectHash, snapshotPath, type ProjectFiles } from "./layout";

export const projectFiles: ProjectFiles = {
  "package.json": packageJson,
  "package-lock.json": packageLock,
  "vitest.config.js": vitestConfig,
  "pocketflow-reporter.js": reporter,
  "pocketflow-progress.js": progress,
};

export async function sandboxProject(): Promise<{ hash: string; files: ProjectFiles }> {
  return { hash: await projectHash(projectFiles), files: projectFiles };
}

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** The snapshot served for this project, or undefined when the site has none (then npm ci runs). */
export async function fetchSnapshot(hash: string): Promise<Uint8Array | undefined> {
  const response = await fetch(`${import.meta.env.BASE_URL}${snapshotPath(hash)}`);
  if (!response.ok) return undefined;
  const bytes = new Uint8Array(await response.arrayBuffer());
  // Gzipped by the build itself, so its size on the wire does not depend on the host compressing it.
  if (!isGzip(bytes)) return bytes;
  const unzipped = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(unzipped).arrayBuffer());
}
