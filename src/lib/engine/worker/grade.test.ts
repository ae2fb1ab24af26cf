// The grading core end to end, in a child Node process: it installs its own `expect` and runner,
// which must not meet this file's vitest.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { TestReport } from "../report";
import type { GradeRequest } from "./grade";
import { whereIn } from "./grade";

const tsx = fileURLToPath(new URL("../../../../node_modules/.bin/tsx", import.meta.url));
const gradeModule = fileURLToPath(new URL("./grade.ts", import.meta.url));

function gradeInChild(request: GradeRequest): TestReport {
  const script =
    `import { grade } from ${JSON.stringify(gradeModule)};\n` +
    "grade(JSON.parse(process.env.GRADE_REQUEST)).then((report) => process.stdout.write(JSON.stringify(report)));";
  const stdout = execFileSync(tsx, ["--eval", script], {
    encoding: "utf8",
    env: { ...process.env, GRADE_REQUEST: JSON.stringify(request) },
  });
  return JSON.parse(stdout) as TestReport;
}

const suite = `import { describe, expect, it } from "vitest";
import { greet } from "../greet";

describe("greet", () => {
  describe("by name", () => {
    it("says hello", () => expect(greet("Ada")).toBe("Hello, Ada!"));
  });
  it("counts its assertions", () => {
    expect.assertions(2);
    expect(greet("")).toBe("Hello, !");
  });
});
`;

describe("grade", () => {
  it("runs a suite and reports each test by its full name, with console output", () => {
    const report = gradeInChild({
      files: {
        "greet.ts":
          'export const greet = (name: string) => { console.log("greeting", name); return `Hello, ${name}!`; };\n',
      },
      tests: { "tests/greet.test.ts": suite },
      timeoutMs: 5000,
    });
    expect(report.engine).toBe("worker");
    expect(report.status).toBe("fail");
    expect(report.tests).toEqual([
      { name: "greet › by name › says hello", status: "pass" },
      {
        name: "greet › counts its assertions",
        status: "fail",
        message: "expected number of assertions to be 2, but got 1",
      },
    ]);
    expect(report.output).toContain("greeting Ada\n");
  }, 30_000);

  it("reports a file that does not parse as an error with its line and column", () => {
    const report = gradeInChild({
      files: { "greet.ts": "export function greet(name: string) {\n  return name +;\n}\n" },
      tests: { "tests/greet.test.ts": suite },
      timeoutMs: 5000,
    });
    expect(report.status).toBe("error");
    expect(report.tests).toEqual([]);
    expect(report.output).toContain("tests/greet.test.ts: greet.ts:2:16: Unexpected token");
  }, 30_000);
});

describe("whereIn", () => {
  it("finds the first stack frame in a workspace file, as file:line", () => {
    const stack = "Error: boom\n    at run (blob:null/1234:1:999)\n    at Node.exec (pocketflow.ts:42:11)\n";
    expect(whereIn(stack, ["pocketflow.ts", "tests/a.test.ts"])).toBe("pocketflow.ts:42");
    expect(whereIn("Error\n    at x (other.ts:1:1)", ["pocketflow.ts"])).toBeUndefined();
  });
});
