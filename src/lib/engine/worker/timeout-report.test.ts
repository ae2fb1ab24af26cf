import { describe, expect, it } from "vitest";
import { summarize } from "../report";
import { inSeconds, stoppedReport, testsNotRun, timeoutMessage } from "./timeout-report";

describe("timeout reports", () => {
  it("prints limits in seconds", () => {
    expect(inSeconds(5000)).toBe("5 s");
    expect(inSeconds(1500)).toBe("1.5 s");
  });

  it("names the likely cause and where the run was", () => {
    expect(timeoutMessage(5000, { running: "spins", file: "tests/a.test.ts" })).toMatch(
      /^The tests did not finish within 5 s — did a loop never end\? .* while “spins” was running: .*memory runs out/,
    );
    expect(timeoutMessage(5000, { file: "tests/a.test.ts" })).toMatch(/while loading tests\/a\.test\.ts:/);
  });

  it("tells a worker that waited apart from one that was kept busy", () => {
    const waiting = timeoutMessage(5000, { running: "awaits", file: "t", idle: true });
    expect(waiting).toMatch(/waiting for something that never happened while “awaits” was running/);
    expect(waiting).toMatch(/promise that never settles/);
    expect(waiting).not.toMatch(/loop/);
  });

  it("keeps finished tests, fails the one that was running, and names those that never ran", () => {
    const report = stoppedReport("timeout", 1000, {
      tests: [{ name: "quick", status: "pass" }],
      output: "log\n",
      running: "spins",
      file: "tests/a.test.ts",
      plan: {
        "tests/a.test.ts": ["quick", "spins", "after"],
        "tests/b.test.ts": ["other"],
        "tests/c.test.ts": null,
      },
    });
    expect(report.status).toBe("timeout");
    expect(report.tests).toEqual([
      { name: "quick", status: "pass" },
      { name: "spins", status: "fail", message: "Stopped after 1 s: this test was still running." },
    ]);
    expect(report.notRun).toEqual(["after", "other"]);
    expect(summarize(report)).toBe("1 passed, 1 failed, 2 did not run");
    expect(report.problems?.[0]?.kind).toBe("stopped");
    expect(report.output).toMatch(/^log\nThe tests did not finish within 1 s/);
  });

  it("counts a name used twice as two tests", () => {
    expect(testsNotRun({ a: ["x", "x", "y"] }, ["x"])).toEqual(["x", "y"]);
    expect(testsNotRun(undefined, ["x"])).toEqual([]);
  });

  it("reports a worker that never started as an error", () => {
    expect(stoppedReport("no-start", 10_000, { tests: [], output: "", file: "" })).toMatchObject({
      status: "error",
      output: "The test worker did not start within 10 s. Run the tests again.\n",
    });
  });
});
