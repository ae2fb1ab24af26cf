import { PassThrough, Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runMain, stubEnv } from "../utils/testing/run-main";
import { promptOf, script, startStub, type Stub } from "../utils/testing/stub-server";
import { main } from "./main";

const ANSWER = "Rivers meander because faster water on the outside of a bend erodes the bank.";
const HEADLINE = { content: "Why rivers bend" };

let stub: Stub | undefined;
afterEach(() => stub?.close());

describe("streaming example", () => {
  it("streams the answer into the terminal, then gives the whole answer a headline", async () => {
    stub = await startStub(script({ content: ANSWER }, HEADLINE));
    const result = await runMain(main, { env: stubEnv(stub.url), args: ["Why do rivers meander?"] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Question: Why do rivers meander?\n\n${ANSWER}\n`);
    expect(result.stdout).toContain("Headline: Why rivers bend");
    const [streamed, headline] = stub.requests;
    expect(streamed?.path === "/v1/chat/completions" && streamed.body.stream, "the answer is streamed").toBe(
      true,
    );
    expect(headline && promptOf(headline), "the headline sees the whole answer").toContain(ANSWER);
  });

  it("says so when the connection breaks mid-answer, and starts the answer again", async () => {
    stub = await startStub(
      script({ content: ANSWER, cut: { after: 3, then: "drop" } }, { content: ANSWER }, HEADLINE),
    );
    const result = await runMain(main, { env: stubEnv(stub.url), args: ["Why?"] });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Rivers meander because \n[the connection broke after 3 pieces: starting the answer again]\n" + ANSWER,
    );
    expect(result.stdout).toContain("Headline: Why rivers bend");
    expect(stub.requests).toHaveLength(3);
  });

  it("keeps what came so far when the reader stops the answer, and still gives it a headline", async () => {
    stub = await startStub(script({ content: ANSWER, pieceDelayMs: 20 }, HEADLINE));
    const stop = new AbortController();
    let stdout = "";
    const terminal = new Writable({
      write(chunk: Buffer, _encoding, done) {
        stdout += chunk.toString();
        if (stdout.includes("because ")) stop.abort(); // Ctrl+C after the third piece
        done();
      },
    });
    const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
    const stdin = new PassThrough();
    stdin.end();
    const code = await main({
      args: ["Why?"],
      env: stubEnv(stub.url),
      stdin,
      stdout: terminal,
      stderr,
      signal: stop.signal,
    });
    expect(code, stdout).toBe(0);
    expect(stdout).toContain("Rivers meander because");
    expect(stdout, "nothing is shown after the stop").not.toContain("erodes");
    expect(stdout).toContain("(stopped: 3 words kept)");
    expect(stdout).toContain("Headline: Why rivers bend");
  });

  it("gives up after the node's retries and says why", async () => {
    stub = await startStub(script({ content: ANSWER, cut: { after: 2, then: "drop" } }));
    const result = await runMain(main, { env: stubEnv(stub.url), args: ["Why?"] });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("[the connection broke after 2 pieces]");
    expect(result.stderr).toMatch(/No answer: .*broke in the middle of the answer/);
    expect(stub.requests).toHaveLength(4); // maxRetries: 4
  });
});
