// The Trace view's capture in the sandbox: the tracer of lesson 18 (core/trace.ts and its parts) and
// the grading core's capture (src/lib/trace/capture.ts), written beside the learner's files as their
// TypeScript sources (the sandbox strips types as it does for the learner's code), and a setup file
// that installs the capture around the provided core (pocketflow.ts) and puts each test's trace in
// its `task.meta`, which the course reporter writes into the run's details. Pure: the host passes in
// the sources (the page through Vite, the project check from disk).

/** Below the exercise folder; vitest's include (`tests/**`) never takes these for tests. */
export const TRACE_DIR = ".trace";

/** The setup file's path below the exercise folder, as vitest.config.js names it. */
export const TRACE_SETUP = `${TRACE_DIR}/setup.ts`;

/** Sources the capture needs, by their path in this repository. */
export const isTracerSource = (path: string) =>
  /^core\/trace(\/[\w-]+)?\.ts$/.test(path) && !path.endsWith(".test.ts")
    ? true
    : path === "src/lib/trace/capture.ts" || path === "src/lib/trace/model.ts";

const SETUP = `// Written by the page: one trace per test of what the provided core ran.
import { afterEach, beforeEach } from "vitest";
import { createTraceCapture } from "./src/lib/trace/capture";

const capture = createTraceCapture();
// A core that does not load is left alone: the test file's own import reports the error.
await import("../pocketflow").then(
  (core) => capture.install(core),
  () => false,
);

beforeEach(({ task }) => capture.begin(task.id));
afterEach(({ task }) => {
  capture.end(task.id);
  const trace = capture.traceOf(task.id);
  if (trace) task.meta.pocketflowTrace = trace;
});
`;

/** The files to add to a traced run's workspace, from the sources by repository path. */
export function traceWorkspaceFiles(sources: Record<string, string>): Record<string, string> {
  const files: Record<string, string> = { [TRACE_SETUP]: SETUP };
  for (const [path, text] of Object.entries(sources))
    if (isTracerSource(path)) files[`${TRACE_DIR}/${path}`] = text;
  return files;
}
