import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { runMain, stubEnv } from "../utils/testing/run-main";
import { screenerReply } from "../utils/testing/screener";
import { startStub, type Stub } from "../utils/testing/stub-server";
import { main } from "./main";

const RESUMES = fileURLToPath(new URL("../utils/fixtures/resumes/", import.meta.url));

let stub: Stub | undefined;
afterEach(() => stub?.close());

describe("map-reduce example", () => {
  it("screens every resume one at a time, then tallies", async () => {
    stub = await startStub((request) => screenerReply(request));
    const result = await runMain(main, { env: stubEnv(stub.url), args: [RESUMES] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("[1/4] ada-park.txt → Ada Park: qualifies");
    expect(result.stdout).toContain("[2/4] ben-novak.txt → Ben Novak: does not qualify");
    expect(result.stdout).toMatch(
      /Qualified: 2 of 4\n {2}- Ada Park \(ada-park.txt\)[^\n]*\n {2}- Cleo Diaz/,
    );
    expect(result.stdout).toContain("Not qualified: 2");
    expect(stub.requests).toHaveLength(4);
    expect(stub.maxInFlight).toBe(1); // a BatchNode runs its items one after another
  });

  it("retries a 500 on one resume and still screens them all", async () => {
    let calls = 0;
    stub = await startStub((request) =>
      ++calls === 2 ? { status: 500, message: "blip" } : screenerReply(request),
    );
    const result = await runMain(main, { env: stubEnv(stub.url), args: [RESUMES] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Qualified: 2 of 4");
    expect(result.stderr).toContain("The provider had an error (500)");
    expect(stub.requests).toHaveLength(5);
  });

  it("keeps going when one resume never gets a valid answer (execFallback)", async () => {
    stub = await startStub((request) =>
      JSON.stringify(request.body).includes("Ben Novak")
        ? { content: "He is a nurse." }
        : screenerReply(request),
    );
    const result = await runMain(main, { env: stubEnv(stub.url), args: [RESUMES] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("ben-novak.txt → could not screen (the answer has no ```yaml block)");
    expect(result.stdout).toContain("Could not screen: 1");
  });

  it("can generate many resumes to screen", async () => {
    stub = await startStub((request) => screenerReply(request));
    const result = await runMain(main, { env: stubEnv(stub.url), args: ["--generate", "12"] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Screening 12 resumes");
    expect(stub.requests).toHaveLength(12);
  });
});
