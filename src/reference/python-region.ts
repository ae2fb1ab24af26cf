// The slides' Python, shown beside the TypeScript core: named regions of one .py file, read at build
// time like the core's own regions, so a typo in a region name fails the build.
import { extractRegion, readRepoFile } from "../lib/regions";

/** The Python PocketFlow of the original tutorial's slides, with region markers. */
export const SLIDES_PYTHON = "content/snippets/python/pocketflow.py";

/** Python's `# region name` markers, read as the `// #region name` markers the region parser knows. */
export function extractPythonRegion(source: string, region: string, fileLabel: string): string {
  const asSlashMarkers = source.replace(/^(\s*)#\s*(region|endregion)\b/gm, "$1// #$2");
  return extractRegion(asSlashMarkers, region, fileLabel);
}

/** The code of `region` in the slides' Python file. */
export const loadPythonRegion = (region: string, file = SLIDES_PYTHON) =>
  extractPythonRegion(readRepoFile(file), region, file);
