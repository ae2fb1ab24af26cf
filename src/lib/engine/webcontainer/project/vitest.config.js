// The config of every run in the sandbox: the exercise's hidden suite, as the course's other engines
// run it. The engine writes the learner's files to exercise/ and the suite to exercise/tests/, and
// reads the JSON report and the details the course's reporter adds (paths agreed in ../layout.ts; the
// test:webcontainer-project check runs this exact config).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  test: {
    root: here("exercise"),
    include: ["tests/**/*.test.ts"],
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
