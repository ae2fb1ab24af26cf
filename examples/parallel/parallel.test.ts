import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { runMain, stubEnv } from "../utils/testing/run-main";
import { screenerReply } from "../utils/testing/screener";
import { startStub, type Stub } from "../utils/testing/stub-server";
import { main } from "./main";

const RESUMES = fileURLToPath(new URL("../utils/fixtures/resumes/", import.meta.url));

let stub: Stub | undefined;
afterEach(() => stub?.close());

describe("parallel example", () => {
  it("runs sequentially, then in parallel up to maxConcurrency, and compares wall times", async () => {
    stub = await startStub((request) => screenerReply(request, 60));
    const result = await runMain(main, { env: stubEnv(stub.url), args: [RESUMES, "--concurrency", "2"] });
    expect(result.code).toBe(0);
    expect(stub.requests).toHaveLength(8); // 4 sequential + 4 parallel
    expect(stub.maxInFlight).toBe(2);
    expect(result.stdout).toMatch(/Sequential: \d+\.\d\ds\nParallel: {3}\d+\.\d\ds {2}→ \d+\.\d× faster/);
    expect(result.stdout).toContain("Qualified: 2 of 4");
  });

  it("takes the limit from MAX_CONCURRENCY and can skip the sequential run", async () => {
    stub = await startStub((request) => screenerReply(request, 20));
    const result = await runMain(main, {
      env: stubEnv(stub.url, { MAX_CONCURRENCY: "4" }),
      args: [RESUMES, "--parallel-only"],
    });
    expect(result.code).toBe(0);
    expect(stub.requests).toHaveLength(4);
    expect(stub.maxInFlight).toBe(4);
    expect(result.stdout).toContain("Sequential (estimated: sum of the calls)");
  });

  it("retries a 429 for one item while the others carry on", async () => {
    let calls = 0;
    stub = await startStub((request) =>
      ++calls === 1 ? { status: 429, headers: { "retry-after": "0" } } : screenerReply(request, 10),
    );
    const result = await runMain(main, { env: stubEnv(stub.url), args: [RESUMES, "--parallel-only"] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Qualified: 2 of 4");
    expect(stub.requests).toHaveLength(5);
  });

  it("rejects a concurrency that is not a positive whole number", async () => {
    const result = await runMain(main, {
      env: stubEnv("http://127.0.0.1:9/v1"),
      args: ["--concurrency", "0"],
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--concurrency must be a whole number ≥ 1, got '0'");
  });
});
