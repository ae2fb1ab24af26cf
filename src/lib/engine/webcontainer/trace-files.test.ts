import { describe, expect, it } from "vitest";
import { isTracerSource, TRACE_SETUP, traceWorkspaceFiles } from "./trace-files";

describe("the trace capture's files in the sandbox", () => {
  it("takes the tracer and the capture, never their tests or anything else", () => {
    expect(isTracerSource("core/trace.ts")).toBe(true);
    expect(isTracerSource("core/trace/recorder.ts")).toBe(true);
    expect(isTracerSource("src/lib/trace/capture.ts")).toBe(true);
    expect(isTracerSource("core/trace/recorder.test.ts")).toBe(false);
    expect(isTracerSource("core/index.ts")).toBe(false);
    expect(isTracerSource("core/trace/../index.ts")).toBe(false);
  });

  it("puts them below .trace/ with a setup file that installs the capture around ../pocketflow", () => {
    const files = traceWorkspaceFiles({
      "core/trace.ts": "export {};",
      "src/lib/trace/capture.ts": "export {};",
      "core/trace/recorder.test.ts": "// not this",
    });
    expect(Object.keys(files).sort()).toEqual([
      ".trace/core/trace.ts",
      ".trace/setup.ts",
      ".trace/src/lib/trace/capture.ts",
    ]);
    expect(TRACE_SETUP).toBe(".trace/setup.ts");
    expect(files[TRACE_SETUP]).toContain('import("../pocketflow")');
    expect(files[TRACE_SETUP]).toContain("task.meta.pocketflowTrace");
  });
});
