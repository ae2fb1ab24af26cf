import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runMain, stubEnv } from "../utils/testing/run-main";
import { promptOf, startStub, type Stub, type StubRequest } from "../utils/testing/stub-server";
import { main } from "./main";

const root = fileURLToPath(new URL("../../", import.meta.url));
let stub: Stub | undefined;
let dir = "";
let file = "";

/** Drafts and revisions, numbered, so a test can tell them apart. */
const writer = () => {
  let n = 0;
  return (request: StubRequest) => {
    n += 1;
    return { content: promptOf(request).startsWith("Revise") ? `Revised post ${n}.` : `First post ${n}.` };
  };
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "approval-"));
  file = join(dir, "checkpoint.json");
});
afterEach(async () => {
  await stub?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `npm run example -- approval …` as a real, separate process. */
function processRun(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "examples/run.ts", "approval", ...args],
      { cwd: root, env: { ...process.env, ...env } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("approval example", () => {
  it("pauses for review in one process and publishes in another, from the file alone", async () => {
    stub = await startStub(writer());
    const env = { ...(stubEnv(stub.url) as Record<string, string>), APPROVAL_FILE: file };
    const first = await processRun(["tabs vs spaces"], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Draft 1 for review (saved to ${file}):\n\nFirst post 1.`);
    expect(first.stdout).toContain("npm run example -- approval --approve");
    const saved = JSON.parse(readFileSync(file, "utf8")) as { resumeAt: string; shared: { draft: string } };
    expect(saved.resumeAt).toBe("review");
    expect(saved.shared.draft).toBe("First post 1.");

    const second = await processRun(["--approve"], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("Approved. Published:\n\nFirst post 1.");
    expect(stub.requests, "publishing needs no model call: the draft was not written again").toHaveLength(1);
    expect(existsSync(file), "the checkpoint is gone once nothing waits").toBe(false);
  }, 30_000);

  it("revises with the feedback and pauses again", async () => {
    stub = await startStub(writer());
    const env = stubEnv(stub.url, { APPROVAL_FILE: file });
    await runMain(main, { env, args: ["tabs vs spaces"] });
    const rejected = await runMain(main, { env, args: ["--reject", "add an example"] });
    expect(rejected.code).toBe(0);
    expect(rejected.stdout).toContain("Draft 2 for review");
    expect(rejected.stdout).toContain("Revised post 2.");
    expect(promptOf(stub.requests[1] as StubRequest)).toContain("add an example");
    const status = await runMain(main, { env, args: ["--status"] });
    expect(status.stdout).toContain('a post about "tabs vs spaces"');
    expect(status.stdout).toContain("(1 revision so far)");
    const approved = await runMain(main, { env, args: ["--approve"] });
    expect(approved.stdout).toContain("Approved after 1 revision. Published:\n\nRevised post 2.");
  });

  it("refuses to start a second post while one waits, and to resume when nothing waits", async () => {
    stub = await startStub(writer());
    const env = stubEnv(stub.url, { APPROVAL_FILE: file });
    const nothing = await runMain(main, { env, args: ["--approve"] });
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain("Nothing waits for review");
    await runMain(main, { env, args: ["tabs vs spaces"] });
    const again = await runMain(main, { env, args: ["another topic"] });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('A post about "tabs vs spaces" already waits for review');
  });

  it("reports a damaged checkpoint and leaves it as it is", async () => {
    stub = await startStub(writer());
    writeFileSync(file, '{ "version": 1, "resumeAt": "review", ');
    const result = await runMain(main, {
      env: stubEnv(stub.url, { APPROVAL_FILE: file }),
      args: ["--approve"],
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("cannot be resumed: it is not valid JSON");
    expect(readFileSync(file, "utf8")).toBe('{ "version": 1, "resumeAt": "review", ');
    expect(stub.requests).toHaveLength(0);
  });
});
