import { afterEach, describe, expect, it } from "vitest";
import { runMain, stubEnv } from "../utils/testing/run-main";
import { promptOf, script, startStub, type Stub } from "../utils/testing/stub-server";
import { main } from "./main";

const VALID = `Here is the data:
\`\`\`yaml
name: JOHN SMTIH
email: johnsmtih1983@gnail.com
experience:
  - title: SALES MANAGER
    company: ABC Corportaion
  - title: ASST. MANAGER
    company: XYZ Industries
\`\`\``;

let stub: Stub | undefined;
afterEach(() => stub?.close());

describe("structured-output example", () => {
  it("parses the sample resume into validated YAML", async () => {
    stub = await startStub(script({ content: VALID }));
    const result = await runMain(main, { env: stubEnv(stub.url) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Structured data (valid after 1 attempt):");
    expect(result.stdout).toContain("name: JOHN SMTIH\nemail: johnsmtih1983@gnail.com");
    expect(JSON.stringify(stub.requests[0]?.body)).toContain("!! JOHN SMTIH !!");
  });

  it("asks again after malformed answers, telling the model what was wrong", async () => {
    stub = await startStub(
      script(
        { content: "Certainly! The name is John Smith and his email is johnsmtih1983@gnail.com." },
        { content: "```yaml\nname: JOHN SMTIH\nexperience: []\n```" },
        { content: VALID },
      ),
    );
    const result = await runMain(main, { env: stubEnv(stub.url) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("valid after 3 attempts");
    expect(result.stderr).toContain("Attempt 1: malformed answer (the answer has no ```yaml block)");
    expect(result.stderr).toContain("Attempt 2: malformed answer (missing field 'email')");
    const third = stub.requests[2];
    expect(third && promptOf(third)).toContain("Your previous answer was rejected: missing field 'email'");
  });

  it("falls back with a clear report when every answer is malformed", async () => {
    stub = await startStub(script({ content: "```yaml\nname: [broken\n```" }));
    const result = await runMain(main, { env: stubEnv(stub.url) });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/No valid YAML after 4 attempts: the YAML does not parse/);
    expect(stub.requests).toHaveLength(4);
  });

  it("retries a 429, then parses", async () => {
    stub = await startStub(script({ status: 429, headers: { "retry-after": "0" } }, { content: VALID }));
    const result = await runMain(main, { env: stubEnv(stub.url) });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("Rate limited by the provider (429)");
  });

  it("says which file it cannot read", async () => {
    stub = await startStub(script({ content: VALID }));
    const result = await runMain(main, { env: stubEnv(stub.url), args: ["/no/such/resume.txt"] });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Cannot read the resume file '/no/such/resume.txt'");
  });
});
