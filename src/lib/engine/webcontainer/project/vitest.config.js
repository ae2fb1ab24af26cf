// The config of every run in the sandbox: the exercise's hidden suite, as the course's other engines
// run it. The engine writes the learner's files to exercise/ and the suite to exercise/tests/, and
// reads the JSON report and the details the course's reporter adds (paths agreed in ../layout.ts; the
// test:webcontainer-project check runs this exact config).
import { fileURLToPath } from "node:url";
import { transform } from "sucrase";
import { defineConfig } from "vitest/config";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** TypeScript → JavaScript with sucrase, as the offline engine compiles it: esbuild-wasm (vite's
 *  own transform, here through the wasm build) costs seconds of start-up on every run. */
const stripTypes = {
  name: "pocketflow-strip-types",
  enforce: "pre",
  transform(code, id) {
    if (!/\.[cm]?ts$/.test(id)) return undefined;
    const result = transform(code, {
      transforms: ["typescript"],
      filePath: id,
      // Modern syntax as it is: class fields keep their [[Define]] semantics, as in TypeScript.
      disableESTransforms: true,
      production: true,
      sourceMapOptions: { compiledFilename: id },
    });
    return { code: result.code, map: result.sourceMap };
  },
};

export default defineConfig({
  esbuild: false,
  plugins: [stripTypes],
  test: {
    root: here("exercise"),
    include: ["tests/**/*.test.ts"],
    // A traced run (POCKETFLOW_TRACE=1) adds the page's capture around the provided core
    // (../trace-files.ts writes it beside the learner's files).
    setupFiles: [
      here("pocketflow-progress.js"),
      ...(process.env.POCKETFLOW_TRACE === "1" ? [here("exercise/.trace/setup.ts")] : []),
    ],
    // One file after another in one worker, like the offline engine: a stuck test is the only one
    // running, and console output comes in the suite's order.
    fileParallelism: false,
    // Test files run in worker threads of the vitest process, so stopping that process (a run past
    // its time limit) stops the learner's code with it; a forked child could keep spinning.
    pool: "threads",
    // The offline engine accepts `.only` too (vitest refuses it when CI is set).
    allowOnly: true,
    // Vitest 5's default, which the CLI and the offline engine follow (vitest 4 leaves mocks as they are).
    clearMocks: true,
    reporters: [
      // Vitest's own output, for the Terminal; the live summary would redraw lines there.
      ["default", { summary: false }],
      "json",
      [here("pocketflow-reporter.js"), { detailsFile: here(".results/details.json") }],
    ],
    outputFile: { json: here(".results/report.json") },
  },
});
