import { describe, expect, it } from "vitest";
import type { TestReport } from "../../src/lib/engine/report";
import { differences } from "./compare";

const report = (engine: TestReport["engine"], status: TestReport["status"], tests: TestReport["tests"]) => ({
  engine,
  status,
  tests,
});

describe("differences", () => {
  it("is empty when names and statuses agree, whatever the order", () => {
    const node = report("node", "fail", [
      { name: "a", status: "pass" },
      { name: "b", status: "fail", message: "node's words" },
    ]);
    const worker = report("worker", "fail", [
      { name: "b", status: "fail", message: "other words" },
      { name: "a", status: "pass" },
    ]);
    expect(differences(node, worker)).toEqual([]);
  });

  it("names tests whose status differs or that only one engine ran", () => {
    const node = report("node", "fail", [
      { name: "a", status: "pass" },
      { name: "b", status: "fail" },
    ]);
    const worker = report("worker", "pass", [
      { name: "a", status: "pass" },
      { name: "b", status: "pass" },
      { name: "c", status: "pass" },
    ]);
    expect(differences(node, worker)).toEqual([
      "run status: node fail, worker pass",
      "“b”: node fail, worker pass",
      "“c”: node missing, worker pass",
    ]);
  });

  it("counts a name that occurs twice (in two files) twice", () => {
    const node = report("node", "pass", [
      { name: "a", status: "pass" },
      { name: "a", status: "pass" },
    ]);
    const worker = report("worker", "pass", [{ name: "a", status: "pass" }]);
    expect(differences(node, worker)).toEqual(["“a”: node pass, pass, worker pass"]);
  });

  it("compares the tests that did not run and the problems, by kind and file", () => {
    const node = {
      ...report("node", "error", [{ name: "a", status: "pass" as const }]),
      notRun: ["b"],
      problems: [{ kind: "load" as const, message: "node's words", testFile: "tests/b.test.ts" }],
    };
    const same = {
      ...node,
      engine: "worker" as const,
      problems: [{ kind: "load" as const, message: "other words", testFile: "tests/b.test.ts" }],
    };
    expect(differences(node, same)).toEqual([]);
    const worker = {
      ...report("worker", "error", [{ name: "a", status: "pass" as const }]),
      problems: [{ kind: "unhandled" as const, message: "x" }],
    };
    expect(differences(node, worker)).toEqual([
      "problems: node load tests/b.test.ts, worker unhandled",
      "“b”: node did not run, worker missing",
    ]);
  });
});
