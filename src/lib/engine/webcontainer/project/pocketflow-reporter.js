// The course's reporter, beside vitest's JSON reporter. While the tests run it prints one progress
// line per event (only when the page asks, with POCKETFLOW_PROGRESS=1), so the page can stop a stuck
// run and say which test was running. At the end it writes what the JSON report leaves out: each
// failure's expected and actual values, the console output of the tests, errors outside tests, and
// each test's trace in a traced run.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";

/** Progress lines start with this; the page takes them out of what the Terminal shows. */
const MARK = "@@pocketflow ";
/** Console output beyond this is dropped, as in the offline engine. */
const MAX_CONSOLE_CHARS = 200_000;

/** Keys vitest adds to what it serialized; not what the code threw. */
const VITEST_KEYS = new Set(["stack", "stacks", "diff", "nameStr", "expected", "actual", "showDiff"]);

/** A field's value in a few characters, as the other engines print it (src/lib/engine/outcome.ts). */
function brief(value) {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return `[${value.length} items]`;
  if (typeof value === "object" && value !== null) return Object.keys(value).length === 0 ? "{}" : "{…}";
  return String(value);
}

/** What was thrown when it was not an Error (`throw { weird: true }`), in words. */
function notAnError(value) {
  const keys = Object.keys(value ?? {}).filter((key) => !VITEST_KEYS.has(key) && !key.startsWith("VITEST_"));
  const fields = keys.slice(0, 6).map((key) => `${key}: ${brief(value[key])}`);
  if (keys.length > 6) fields.push(`… ${keys.length - 6} more`);
  return `The code threw a value that is not an Error: ${fields.length === 0 ? "{}" : `{ ${fields.join(", ")} }`}`;
}

const errorOf = (error) => ({
  name: typeof error?.name === "string" ? error.name : "",
  message: typeof error?.message === "string" ? error.message : notAnError(error),
  ...(typeof error?.expected === "string" ? { expected: error.expected } : {}),
  ...(typeof error?.actual === "string" ? { actual: error.actual } : {}),
});

export default class PocketFlowReporter {
  constructor({ detailsFile }) {
    this.detailsFile = detailsFile;
    this.progress = process.env.POCKETFLOW_PROGRESS === "1";
    this.console = "";
    this.root = "";
  }

  onInit(vitest) {
    this.root = vitest.config.root;
  }

  mark(event) {
    // On a line of its own, whatever vitest printed last.
    if (this.progress) process.stdout.write(`\n${MARK}${JSON.stringify(event)}\n`);
  }

  fileOf(module) {
    return relative(this.root, module.moduleId).split("\\").join("/");
  }

  onTestModuleStart(module) {
    this.mark({ event: "file", path: this.fileOf(module) });
  }

  onTestModuleCollected(module) {
    this.mark({ event: "collected", path: this.fileOf(module) });
  }

  onTestCaseReady(test) {
    this.mark({ event: "test-start", name: test.fullName });
  }

  onTestCaseResult(test) {
    const { state, errors } = test.result();
    const message = errors?.[0]?.message?.split("\n")[0]?.slice(0, 300);
    this.mark({ event: "test-done", name: test.fullName, state, ...(message ? { message } : {}) });
  }

  onUserConsoleLog(log) {
    if (this.console.length < MAX_CONSOLE_CHARS) this.console += log.content;
  }

  onTestRunEnd(modules, unhandledErrors) {
    const details = {
      version: 1,
      tests: modules.flatMap((module) =>
        [...module.children.allTests()]
          .filter((test) => test.result().state === "failed")
          .map((test) => ({
            file: this.fileOf(module),
            fullName: test.fullName,
            errors: (test.result().errors ?? []).map(errorOf),
          })),
      ),
      // What the provided core ran in each test of a traced run (trace-files.ts), checked by the page.
      traces: modules.flatMap((module) =>
        [...module.children.allTests()]
          .filter((test) => test.meta().pocketflowTrace !== undefined)
          .map((test) => ({
            file: this.fileOf(module),
            fullName: test.fullName,
            trace: test.meta().pocketflowTrace,
          })),
      ),
      // A file that did not load, and hooks around its tests that failed (a beforeAll that threw).
      moduleErrors: modules
        .map((module) => ({
          file: this.fileOf(module),
          errors: [module, ...module.children.allSuites()].flatMap((suite) => suite.errors()).map(errorOf),
        }))
        .filter((entry) => entry.errors.length > 0),
      unhandledErrors: unhandledErrors.map(errorOf),
      console:
        this.console.length > MAX_CONSOLE_CHARS
          ? `${this.console.slice(0, MAX_CONSOLE_CHARS)}\n… output truncated after ${MAX_CONSOLE_CHARS} characters\n`
          : this.console,
    };
    mkdirSync(dirname(this.detailsFile), { recursive: true });
    writeFileSync(this.detailsFile, JSON.stringify(details));
  }
}
