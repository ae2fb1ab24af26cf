// Reports of real vitest 4.1 runs in the sandbox project (fixtures/, recorded from the parity
// fixtures) read into TestReports, and what happens to reports that are not what they claim.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  messageFromStack,
  outcomeFromVitestJson,
  readDetails,
  readJsonReport,
  relativeTo,
  reportFromVitestRun,
  withUnloadedTestsNotRun,
} from "./vitest-json";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const ROOT = "/home/pocketflow/exercise";
const read = (id: string, withDetails = true) =>
  reportFromVitestRun(
    readJsonReport(fixture(`${id}.report.json`)),
    withDetails ? readDetails(fixture(`${id}.details.json`)) : undefined,
    ROOT,
    12,
  );

describe("a run's reports as a TestReport", () => {
  it("names tests as the other engines do and maps every vitest state to pass or fail", () => {
    const report = read("engine-matchers");
    const status = Object.fromEntries(report.tests.map((test) => [test.name, test.status]));
    expect(status).toMatchObject({
      "expect › passes toEqual on equal objects": "pass",
      "expect › fails when expect.assertions is not met": "fail",
      "table 1 › doubles 1 to 2": "pass",
      "a failing beforeAll › does not run its tests": "fail",
      "is skipped": "fail",
      "is still to do": "fail",
      "is expected to fail": "pass",
      "starts with the real console.warn: files are isolated": "pass",
    });
    const skipped = report.tests.find((test) => test.name === "is skipped");
    expect(skipped?.message).toBe("test skipped");
    expect(report).toMatchObject({ engine: "webcontainer", status: "fail", durationMs: 12 });
    // Files in order, as the offline engine runs them.
    expect(report.tests[0]?.name).toBe("starts with the real console.warn: files are isolated");
  });

  it("says why a file did not load, once for every file it stopped, with paths the editor knows", () => {
    const report = read("engine-syntax-error");
    expect(report.status).toBe("error");
    expect(report.tests).toEqual([]);
    expect(report.output).toBe(
      'tests/load.test.ts: Transform failed with 1 error:\npocketflow.ts:1:29: ERROR: Unexpected ";"\n',
    );
  });

  it("makes a file that did not load a load problem naming it and where the error is", () => {
    const report = reportFromVitestRun(
      readJsonReport(fixture("engine-syntax-error.report.json")),
      readDetails(fixture("engine-syntax-error.details.json")),
      ROOT,
      1,
      ["pocketflow.ts", "tests/load.test.ts"],
    );
    expect(report.problems).toEqual([
      {
        kind: "load",
        testFile: "tests/load.test.ts",
        message: 'pocketflow.ts:1:29: ERROR: Unexpected ";"',
        location: { file: "pocketflow.ts", line: 1, column: 29 },
      },
    ]);
  });

  it("reads the file error from the JSON report alone when the details are missing", () => {
    expect(read("engine-syntax-error", false).output).toContain("tests/load.test.ts: Transform failed");
  });

  it("calls a run with no test file an error", () => {
    const report = reportFromVitestRun({ testResults: [] }, undefined, ROOT, 1);
    expect(report.status).toBe("error");
    expect(report.output).toContain("no *.test.ts file");
    expect(report.problems?.[0]?.kind).toBe("engine");
  });

  it("adds the console output and errors nobody awaited", () => {
    const details = {
      ...readDetails(fixture("engine-matchers.details.json")),
      console: "hello from /home/pocketflow/exercise/calc.ts\n",
      unhandledErrors: [{ name: "TypeError", message: "x is not a function" }],
    };
    const report = reportFromVitestRun(
      readJsonReport(fixture("engine-matchers.report.json")),
      details,
      ROOT,
      1,
    );
    expect(report.output.startsWith("hello from calc.ts\n")).toBe(true);
    expect(report.output).toContain("Unhandled error (a promise nobody awaited, or a throw from a timer)");
    expect(report.problems).toContainEqual({ kind: "unhandled", message: "TypeError: x is not a function" });
  });

  it("fails a run whose tests all passed when an error escaped them, as vitest does", () => {
    const passing = {
      testResults: [
        {
          name: `${ROOT}/tests/a.test.ts`,
          message: "",
          assertionResults: [{ ancestorTitles: [], title: "t", status: "passed", failureMessages: [] }],
        },
      ],
    };
    const details = {
      version: 1 as const,
      tests: [],
      moduleErrors: [],
      unhandledErrors: [{ name: "Error", message: "late boom" }],
      console: "",
    };
    expect(reportFromVitestRun(passing, undefined, ROOT, 1).status).toBe("pass");
    expect(reportFromVitestRun(passing, details, ROOT, 1).status).toBe("error");
  });
});

describe("traces of a traced run", () => {
  const json = {
    testResults: [
      {
        name: `${ROOT}/tests/a.test.ts`,
        message: "",
        assertionResults: [
          { ancestorTitles: [], title: "runs", status: "passed", failureMessages: [] },
          { ancestorTitles: [], title: "lies", status: "passed", failureMessages: [] },
        ],
      },
    ],
  };
  const step = {
    index: 0,
    node: "Decide",
    kind: "node",
    depth: 0,
    params: {},
    action: "search",
    status: "done",
    execCalls: 1,
    execErrors: [],
    startMs: 0,
    durationMs: 1,
    changes: [],
  };
  it("are checked and kept on their tests; one that does not check out is left out", () => {
    const details = {
      version: 1 as const,
      tests: [],
      moduleErrors: [],
      unhandledErrors: [],
      console: "",
      traces: [
        { file: "tests/a.test.ts", fullName: "runs", trace: { steps: [step], dropped: 0 } },
        { file: "tests/a.test.ts", fullName: "lies", trace: { steps: "all of them", dropped: -1 } },
      ],
    };
    const report = reportFromVitestRun(json, readDetails(JSON.stringify(details)), ROOT, 1);
    expect(report.tests[0]?.trace?.steps.map((taken) => taken.node)).toEqual(["Decide"]);
    expect(report.tests[1]).toEqual({ name: "lies", status: "pass" });
  });
  it("refuses details whose traces are not a list of test entries", () => {
    const details = {
      version: 1,
      tests: [],
      moduleErrors: [],
      unhandledErrors: [],
      console: "",
      traces: [1],
    };
    expect(() => readDetails(JSON.stringify(details))).toThrow(/expected shape/);
  });
});

describe("tests of a file that did not load", () => {
  it("are added as not run from the plan, for that file only", () => {
    const report = read("engine-syntax-error");
    const plan = { "tests/load.test.ts": ["a", "b"], "tests/other.test.ts": ["c"] };
    expect(withUnloadedTestsNotRun(report, plan).notRun).toEqual(["a", "b"]);
    expect(withUnloadedTestsNotRun(report, undefined)).toBe(report);
    expect(withUnloadedTestsNotRun(read("engine-matchers"), plan).notRun).toBeUndefined();
  });
});

describe("the outcome of one test", () => {
  const relative = relativeTo(ROOT);
  const failed = { ancestorTitles: ["a"], title: "b", status: "failed" };
  it("prefers the reporter's error, with expected and actual", () => {
    const errors = [{ name: "AssertionError", message: "expected 1 to be 2", expected: "2", actual: "1" }];
    expect(outcomeFromVitestJson({ ...failed, failureMessages: ["ignored"] }, errors, relative)).toEqual({
      name: "a › b",
      status: "fail",
      message: "expected 1 to be 2",
      expected: "2",
      actual: "1",
    });
  });
  it("falls back to the JSON report's stack, without the error's name and frames", () => {
    const stack = `AssertionError: expected 1 to be 2\n    at ${ROOT}/tests/a.test.ts:3:5`;
    expect(outcomeFromVitestJson({ ...failed, failureMessages: [stack] }, undefined, relative)?.message).toBe(
      "expected 1 to be 2",
    );
  });
  it("has no outcome for a test that never finished: it did not run", () => {
    const pending = { ancestorTitles: [], title: "t", status: "pending", failureMessages: [] };
    expect(outcomeFromVitestJson(pending, undefined, relative)).toBeUndefined();
  });
  it("words a thrown value that is not an Error as the other engines do", () => {
    const errors = [{ name: "", message: "The code threw a value that is not an Error: { weird: true }" }];
    expect(outcomeFromVitestJson({ ...failed, failureMessages: [] }, errors, relative)?.message).toBe(
      "The code threw a value that is not an Error: { weird: true }",
    );
  });
});

describe("reading untrusted reports", () => {
  it("refuses a JSON report of another shape", () => {
    expect(() => readJsonReport('{"testResults": [{"name": 1}]}')).toThrow(/expected shape/);
    expect(() => readJsonReport("[]")).toThrow(/expected shape/);
    expect(() => readJsonReport("not json")).toThrow();
  });
  it("refuses details of another version or shape", () => {
    expect(() => readDetails('{"version": 2}')).toThrow(/expected shape/);
    const details = JSON.parse(fixture("engine-matchers.details.json"));
    details.tests[0].errors[0].expected = 3;
    expect(() => readDetails(JSON.stringify(details))).toThrow(/expected shape/);
  });
  it("strips colours and the sandbox's paths from messages", () => {
    expect(relativeTo(ROOT)(`\u001b[31mboom\u001b[39m at file://${ROOT}/pocketflow.ts:1:2`)).toBe(
      "boom at pocketflow.ts:1:2",
    );
    expect(messageFromStack("TypeError: x is not a function")).toBe("x is not a function");
    expect(messageFromStack("TODO: write prep")).toBe("TODO: write prep");
  });
});
