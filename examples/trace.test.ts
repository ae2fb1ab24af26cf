import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dispatch } from "./dispatch";
import { runMain, stubEnv } from "./utils/testing/run-main";
import { script, startStub, type Stub } from "./utils/testing/stub-server";
import { stamp } from "./utils/trace";

const LESSONS = fileURLToPath(new URL("./utils/fixtures/lessons/", import.meta.url));
const decide = (yaml: string) => ({ content: `\`\`\`yaml\n${yaml}\n\`\`\`` });

let stub: Stub | undefined;
let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "traces-"));
});
afterEach(async () => {
  await stub?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run example -- <name> --trace", () => {
  it("writes the trace of a real run: the graph as Mermaid, then every step with its changes", async () => {
    stub = await startStub(
      script(
        decide("action: search\nreason: need the lessons\nsearch_query: flow next node successors"),
        decide("action: answer\nreason: found it"),
        { content: "It looks the action up among the successors [06-the-flow]." },
      ),
    );
    const result = await runMain(dispatch, {
      env: stubEnv(stub.url, { LESSONS_DIR: LESSONS, TRACE_DIR: dir }),
      args: ["agent", "How does a flow pick the next node?", "--trace"],
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout, "the example itself runs as without --trace").toContain(
      "Cited lessons: [06-the-flow]",
    );
    const [markdown, json] = readdirSync(dir).sort().reverse();
    expect(markdown).toMatch(/^agent-\d{4}-\d\d-\d\d-\d{6}\.md$/);
    expect(result.stderr).toContain(`Trace written to ${join(dir, markdown ?? "")} (5 steps)`);
    const text = readFileSync(join(dir, markdown ?? ""), "utf8");
    expect(text).toContain("# Trace: npm run example -- agent How does a flow pick the next node?");
    expect(text).toContain('```mermaid\nflowchart LR\n  n0_start((start)) --> n1\n  n1["DecideAction"]');
    expect(text).toContain('n1 -->|"search"| n2');
    expect(text).toMatch(/ {2}2\. DecideAction → "search" {2}\(/);
    expect(text).toContain('+ searchQuery = "flow next node successors"');
    expect(text).toContain("5. AnswerQuestion");
    const data = JSON.parse(readFileSync(join(dir, json ?? ""), "utf8")) as { steps: { node: string }[] };
    expect(data.steps.map((step) => step.node)).toEqual([
      "Flow",
      "DecideAction",
      "SearchLessons",
      "DecideAction",
      "AnswerQuestion",
    ]);
  });

  it("writes no file when no flow ran", async () => {
    const result = await runMain(dispatch, { env: { TRACE_DIR: dir }, args: ["agent", "--help", "--trace"] });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("No flow ran, so there is no trace to write.");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("names trace files so that they sort by time", () => {
    expect(stamp(new Date("2025-06-02T14:15:03.123Z"))).toBe("2025-06-02-141503");
  });
});
