// The trace capture inside the grading core: a real grade() of exercise 16 with trace on, in a child
// Node process (the grading core installs its own expect and runner, which must not meet this file's).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { TestReport } from "../engine/report";
import type { GradeRequest } from "../engine/worker/grade";
import { loadExercise } from "../exercises/load";

const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));
const gradeModule = fileURLToPath(new URL("../engine/worker/grade.ts", import.meta.url));

/** Grades each request in turn, in one child process (one start-up for all of them). */
function gradeInChild(requests: GradeRequest[]): TestReport[] {
  const script =
    `import { readFileSync } from "node:fs";\nimport { grade } from ${JSON.stringify(gradeModule)};\n` +
    "(async () => {\n" +
    "  const reports = [];\n" +
    '  for (const request of JSON.parse(readFileSync(0, "utf8"))) reports.push(await grade(request));\n' +
    "  process.stdout.write(JSON.stringify(reports));\n" +
    "})();";
  const stdout = execFileSync(tsx, ["--eval", script], {
    encoding: "utf8",
    // On stdin, not in an environment variable: Linux caps one of those at 128 KiB (E2BIG).
    input: JSON.stringify(requests),
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as TestReport[];
}

const agent = loadExercise("16-agent");
const request = (files: Record<string, string>, trace: boolean): GradeRequest => ({
  files,
  tests: agent.tests,
  timeoutMs: 5000,
  trace,
});
const outcomes = (report: TestReport) =>
  report.tests.map(({ name, status, message }) => ({ name, status, message }));

const buggy = {
  ...agent.solution,
  "agent.ts": (agent.solution["agent.ts"] ?? "").replace('return "decide";', 'return "decidee";'),
};
const broken = { ...agent.solution, "pocketflow.ts": "export class BaseNode {\n" };

describe("tracing in the grading core", { timeout: 60_000 }, () => {
  const [traced, plain, tracedBug, plainBug, tracedBroken, plainBroken] = gradeInChild([
    request(agent.solution, true),
    request(agent.solution, false),
    request(buggy, true),
    request(buggy, false),
    request(broken, true),
    request(broken, false),
  ]) as [TestReport, TestReport, TestReport, TestReport, TestReport, TestReport];

  it("records the steps of each test that runs a flow: nodes in order and their actions", () => {
    const run = traced.tests.find((test) => test.name.endsWith("takes the steps the model chose, in order"));
    const steps = run?.trace?.steps ?? [];
    expect(steps.map((step) => `${step.node} → ${step.action}`)).toEqual([
      "Flow → done",
      "Decide → search",
      "SearchWeb → decide",
      "Decide → search",
      "SearchWeb → decide",
      "Decide → answer",
      "Answer → done",
    ]);
    expect(steps[2]?.changes[0]).toMatchObject({ path: "findings[0]", kind: "added" });
  });

  it("gives no trace to a test that runs no flow", () => {
    const parse = traced.tests.filter((test) => test.name.startsWith("parseDecision"));
    expect(parse).toHaveLength(3);
    expect(parse.every((test) => test.trace === undefined)).toBe(true);
  });

  it("changes no outcome: the same tests pass and fail with and without tracing, on a solution and a bug", () => {
    expect(outcomes(traced)).toEqual(outcomes(plain));
    expect(tracedBug.status).toBe("fail");
    expect(outcomes(tracedBug)).toEqual(outcomes(plainBug));
    const failing = tracedBug.tests.find((test) => test.status === "fail");
    expect(failing?.trace?.steps.map((step) => step.action)).toContain("decidee");
  });

  it("leaves a core that does not load to the tests, which report it as without tracing", () => {
    expect(outcomes(tracedBroken)).toEqual(outcomes(plainBroken));
    expect(tracedBroken.output).toBe(plainBroken.output);
  });
});
