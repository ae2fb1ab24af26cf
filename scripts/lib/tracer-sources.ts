// The tracer's sources read from this repository by their paths (core/trace.ts, core/trace/*.ts,
// the grading core's capture), as the page's glob gives them to the WebContainer (trace-files.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isTracerSource } from "../../src/lib/engine/webcontainer/trace-files";
import { projectRoot } from "../../src/lib/exercises/load";

export function readTracerSources(): Record<string, string> {
  const paths = [
    "core/trace.ts",
    ...readdirSync(join(projectRoot, "core", "trace")).map((name) => `core/trace/${name}`),
    "src/lib/trace/capture.ts",
    "src/lib/trace/model.ts",
  ].filter(isTracerSource);
  return Object.fromEntries(paths.map((path) => [path, readFileSync(join(projectRoot, path), "utf8")]));
}
