import { describe, expect, it } from "vitest";
import { inSeconds, stoppedReport, timeoutMessage } from "./timeout-report";

describe("timeout reports", () => {
  it("prints limits in seconds", () => {
    expect(inSeconds(5000)).toBe("5 s");
    expect(inSeconds(1500)).toBe("1.5 s");
  });

  it("names the likely cause and where the run was", () => {
    expect(timeoutMessage(5000, { running: "spins", file: "tests/a.test.ts" })).toMatch(
      /^The tests did not finish within 5 s — did a loop never end\? .* while “spins” was running\.$/,
    );
    expect(timeoutMessage(5000, { file: "tests/a.test.ts" })).toMatch(/while loading tests\/a\.test\.ts\.$/);
  });

  it("keeps finished tests and fails the one that was running", () => {
    const report = stoppedReport("timeout", 1000, {
      tests: [{ name: "quick", status: "pass" }],
      output: "log\n",
      running: "spins",
      file: "tests/a.test.ts",
    });
    expect(report.status).toBe("timeout");
    expect(report.tests).toEqual([
      { name: "quick", status: "pass" },
      { name: "spins", status: "fail", message: "Stopped after 1 s: this test was still running." },
    ]);
    expect(report.output).toMatch(/^log\nThe tests did not finish within 1 s/);
  });

  it("reports a worker that never started as an error", () => {
    expect(stoppedReport("no-start", 10_000, { tests: [], output: "", file: "" })).toMatchObject({
      status: "error",
      output: "The test worker did not start within 10 s. Run the tests again.\n",
    });
  });
});
