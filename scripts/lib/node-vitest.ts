// Runs many workspaces' hidden suites in one Node vitest run and returns a TestReport per workspace.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { createVitest } from "vitest/node";
import type { TestCase, TestModule } from "vitest/node";
import {
  statusOf,
  testNameFromFullName,
  type TestOutcome,
  type TestReport,
} from "../../src/lib/engine/report";
import type { Files } from "../../src/lib/exercises/schema";

export interface Workspace {
  /** A folder-safe id, such as `06-the-flow--starter`. */
  id: string;
  files: Files;
}

/** Writes each workspace's files below `root/<id>/`, replacing what was there. */
export function materialize(root: string, workspaces: Workspace[]) {
  rmSync(root, { recursive: true, force: true });
  for (const workspace of workspaces) {
    for (const [path, source] of Object.entries(workspace.files)) {
      const target = join(root, workspace.id, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, source);
    }
  }
}

/** One vitest test case as a TestOutcome: name, pass/fail, and the first error's message and diff. */
export function outcomeOf(test: TestCase): TestOutcome {
  const result = test.result();
  const name = testNameFromFullName(test.fullName);
  if (result.state === "passed") return { name, status: "pass" };
  const error = result.errors?.[0];
  const outcome: TestOutcome = { name, status: "fail", message: error?.message ?? `test ${result.state}` };
  if (error && typeof error.expected === "string") outcome.expected = error.expected;
  if (error && typeof error.actual === "string") outcome.actual = error.actual;
  return outcome;
}

/**
 * Runs every workspace's `tests/*.test.ts` with vitest, in one process, and reports per workspace.
 * `isolate: false` reuses each worker across test files (as `vitest --no-isolate` does): many times
 * faster for hundreds of small files, and safe here because every workspace has its own module paths.
 * `maxWorkers` above the core count helps suites that mostly wait on timers.
 */
export async function runWithNodeVitest(
  root: string,
  workspaces: Workspace[],
  {
    timeoutMs = 5000,
    isolate = true,
    maxWorkers,
  }: { timeoutMs?: number; isolate?: boolean; maxWorkers?: number } = {},
): Promise<Map<string, TestReport>> {
  materialize(root, workspaces);
  const started = performance.now();
  const vitest = await createVitest(
    {
      root,
      config: false,
      watch: false,
      reporters: [],
      include: ["*/tests/**/*.test.ts"],
      testTimeout: timeoutMs,
      isolate,
      ...(maxWorkers === undefined ? {} : { maxWorkers }),
      silent: true,
    },
    { logLevel: "silent" },
  );
  // Vitest sets process.exitCode when a test fails; failing tests are data here, not the caller's failure.
  const exitCode = process.exitCode;
  try {
    await vitest.start();
  } finally {
    await vitest.close();
    process.exitCode = exitCode;
  }
  const durationMs = performance.now() - started;
  const reports = new Map<string, TestReport>();
  for (const workspace of workspaces) {
    reports.set(workspace.id, { engine: "node", status: "error", durationMs, tests: [], output: "" });
  }
  for (const module of vitest.state.getTestModules() as TestModule[]) {
    const id = relative(root, module.moduleId).split(sep)[0] ?? "";
    const report = reports.get(id);
    if (!report) continue;
    const moduleErrors = module.errors().map((error) => error.message);
    const tests = [...module.children.allTests()].map(outcomeOf);
    report.tests.push(...tests);
    if (moduleErrors.length > 0)
      report.output += `${relative(join(root, id), module.moduleId)}: ${moduleErrors.join("\n")}\n`;
  }
  for (const report of reports.values()) {
    report.status = report.output && report.tests.length === 0 ? "error" : statusOf(report.tests);
  }
  return reports;
}
