// Runs in the test worker before each test file (a setup file): says at once which file is loading
// and which test starts, straight to the process's stdout. Vitest's own reports of these reach the
// page in batches, and never when learner code is stuck in a loop: this is how the page knows what
// is running when it must stop a run. Only when the page asks (POCKETFLOW_PROGRESS=1).
import { writeSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, expect } from "vitest";

const enabled = process.env.POCKETFLOW_PROGRESS === "1";

function mark(event) {
  if (!enabled) return;
  try {
    writeSync(1, `\n@@pocketflow ${JSON.stringify(event)}\n`);
  } catch {
    // No progress lines then; the course reporter's still come, later.
  }
}

// Paths as the reporter gives them: relative to the exercise folder (vitest's root).
const root = fileURLToPath(new URL("./exercise/", import.meta.url));
const testPath = expect.getState().testPath;
if (testPath) mark({ event: "file", path: relative(root, testPath).split("\\").join("/") });

beforeEach(({ task }) => mark({ event: "test-start", name: task.fullTestName ?? task.name }));
