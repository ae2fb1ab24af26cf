import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { runMain, stubEnv } from "../utils/testing/run-main";
import { promptOf, startStub, type Stub, type StubRequest } from "../utils/testing/stub-server";
import { main } from "./main";

const LESSONS = fileURLToPath(new URL("../utils/fixtures/lessons/", import.meta.url));
const fence = (yaml: string) => ({ content: `\`\`\`yaml\n${yaml}\n\`\`\`` });

/** A scripted team: the agent searches once and answers; the supervisor's verdicts come from `verdicts`. */
function team(verdicts: string[]) {
  let reviews = 0;
  return (request: StubRequest) => {
    const prompt = promptOf(request);
    if (prompt.includes("Decide: 'search'")) {
      return prompt.includes("No previous search.")
        ? fence("action: search\nreason: need the lessons\nsearch_query: flow copies nodes")
        : fence("action: answer\nreason: enough");
    }
    if (prompt.startsWith("Answer the question")) return { content: "It copies them [06-the-flow]." };
    if (prompt.startsWith("You supervise"))
      return fence(verdicts[reviews++] ?? "verdict: approve\nreason: fine");
    if (prompt.startsWith("Rewrite this answer"))
      return { content: "Copies keep each run's params apart [06-the-flow]." };
    return { status: 400, message: `unexpected prompt: ${prompt.slice(0, 40)}` };
  };
}

let stub: Stub | undefined;
afterEach(() => stub?.close());

describe("supervisor example", () => {
  it("researches, answers, and sends the answer back once with feedback before approving it", async () => {
    stub = await startStub(team(["verdict: revise\nreason: vague\nfeedback: say why copies are needed"]));
    const result = await runMain(main, {
      env: stubEnv(stub.url, { LESSONS_DIR: LESSONS }),
      args: ["Why copies?"],
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Step 1: search "flow copies nodes"');
    expect(result.stdout).toContain("Supervisor, round 1: sends it back: say why copies are needed");
    expect(result.stdout).toContain("Writer: rewrote the answer");
    expect(result.stdout).toContain("Supervisor, round 2: approves (fine)");
    expect(result.stdout).toContain("Answer:\nCopies keep each run's params apart [06-the-flow].");
    expect(result.stdout).toContain("(1 revision, 6 of 14 calls)");
    const rewrite = stub.requests.map(promptOf).find((prompt) => prompt.startsWith("Rewrite"));
    expect(rewrite, "the writer gets the feedback").toContain("say why copies are needed");
  });

  it("lets the answer through after --max-rounds, whatever the supervisor says", async () => {
    const always = Array.from({ length: 9 }, () => "verdict: revise\nreason: no\nfeedback: again");
    stub = await startStub(team(always));
    const result = await runMain(main, {
      env: stubEnv(stub.url, { LESSONS_DIR: LESSONS }),
      args: ["Why copies?", "--max-rounds", "1"],
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Supervisor, round 2: lets it through (out of rounds)");
    expect(result.stdout).toContain("(1 revision, 5 of 14 calls)");
  });

  it("stops sending it back when the budget cannot pay for another round", async () => {
    const always = Array.from({ length: 9 }, () => "verdict: revise\nreason: no\nfeedback: again");
    stub = await startStub(team(always));
    const result = await runMain(main, {
      env: stubEnv(stub.url, { LESSONS_DIR: LESSONS }),
      args: ["Why copies?", "--max-rounds", "5", "--budget", "6"],
    });
    expect(result.code).toBe(0);
    // 2 decisions + the answer + a review = 4; a revision costs 2 more = 6; the next review cannot be paid.
    expect(result.stdout).toContain("lets it through (out of budget");
    expect(stub.requests.length).toBeLessThanOrEqual(6);
  });
});
