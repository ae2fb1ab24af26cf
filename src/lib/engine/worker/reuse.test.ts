import { describe, expect, it } from "vitest";
import { RunCache } from "./reuse";

const request = (
  files: Record<string, string>,
  tests: Record<string, string> = { "tests/a.test.ts": "t" },
) => ({
  files,
  tests,
  timeoutMs: 5000,
});

describe("what later runs reuse", () => {
  it("gives a run the plan of its suite and the code of files whose text has not changed", () => {
    const cache = new RunCache();
    const first = request({ "pocketflow.ts": "v1", "core.ts": "core" });
    expect(cache.requestFor(first)).toEqual({ ...first, compiled: {} });
    cache.remember(first, {
      plan: { "tests/a.test.ts": ["x"] },
      compiled: { "pocketflow.ts": "code v1", "core.ts": "code core", "tests/a.test.ts": "code t" },
    });
    const edited = request({ "pocketflow.ts": "v2", "core.ts": "core" });
    expect(cache.requestFor(edited)).toEqual({
      ...edited,
      plan: { "tests/a.test.ts": ["x"] },
      compiled: { "core.ts": "code core", "tests/a.test.ts": "code t" },
    });
  });

  it("keeps plans per suite, and none for a suite it has not seen", () => {
    const cache = new RunCache();
    cache.remember(request({}), { plan: { "tests/a.test.ts": ["x"] }, compiled: {} });
    expect(cache.planOf(request({}))).toEqual({ "tests/a.test.ts": ["x"] });
    expect(cache.planOf(request({}, { "tests/a.test.ts": "changed" }))).toBeUndefined();
  });

  it("forgets the oldest code past its budget", () => {
    const cache = new RunCache();
    const big = "x".repeat(3_000_000);
    for (const version of ["1", "2", "3"]) {
      cache.remember(request({ "a.ts": version }), { plan: {}, compiled: { "a.ts": big } });
    }
    expect(cache.requestFor(request({ "a.ts": "1" })).compiled).toEqual({});
    expect(Object.keys(cache.requestFor(request({ "a.ts": "3" })).compiled ?? {})).toEqual(["a.ts"]);
  });
});
