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
});
