import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { runMain, stubEnv } from "../utils/testing/run-main";
import {
  embedAll,
  promptOf,
  startStub,
  type Stub,
  type StubReply,
  type StubRequest,
} from "../utils/testing/stub-server";
import { main } from "./main";

const LESSONS = fileURLToPath(new URL("../utils/fixtures/lessons/", import.meta.url));
const QUESTION = "Why does the flow run a shallow copy of each node?";

let stub: Stub | undefined;
afterEach(() => stub?.close());

/** Embeds with word vectors; answers by citing the first lesson tag it was shown. */
function provider(embeddings: (request: StubRequest) => StubReply = embedAll) {
  return (request: StubRequest): StubReply => {
    if (request.path === "/v1/embeddings") return embeddings(request);
    const slug = /^\[([\w-]+)\]/m.exec(promptOf(request))?.[1];
    return { content: `So the graph stays untouched and can run twice [${slug}].` };
  };
}

describe("rag example", () => {
  it("indexes with embeddings, retrieves by cosine similarity, and answers citing the lesson", async () => {
    stub = await startStub(provider());
    const result = await runMain(main, {
      env: stubEnv(stub.url, { EMBEDDING_MODEL: "stub-embed", LESSONS_DIR: LESSONS }),
      args: [QUESTION, "--top-k", "2"],
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Retrieval: embeddings (stub-embed, 256 dimensions), cosine similarity");
    expect(result.stdout).toMatch(/Retrieved:\n {4}\[06-the-flow\] Copies/);
    expect(result.stdout).toContain("Cited lessons: [06-the-flow]");
    const paths = stub.requests.map((r) => r.path);
    expect(paths).toEqual(["/v1/embeddings", "/v1/embeddings", "/v1/chat/completions"]); // chunks, query, answer
  });

  it("falls back to full-text retrieval with MiniSearch when no embeddings model is set, and says so", async () => {
    stub = await startStub(provider());
    const result = await runMain(main, {
      env: stubEnv(stub.url, { LESSONS_DIR: LESSONS }),
      args: [QUESTION],
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Retrieval: full-text (MiniSearch, BM25), because no embeddings model configured",
    );
    expect(result.stdout).toContain("Cited lessons: [06-the-flow]");
    expect(stub.requests.map((r) => r.path)).toEqual(["/v1/chat/completions"]);
  });

  it("falls back to full-text when the server does not know the embeddings model (404)", async () => {
    stub = await startStub(provider(() => ({ status: 404, message: "model not found" })));
    const result = await runMain(main, {
      env: stubEnv(stub.url, { EMBEDDING_MODEL: "missing-embed", LESSONS_DIR: LESSONS }),
      args: [QUESTION],
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /full-text \(MiniSearch, BM25\), because embeddings failed: Model 'missing-embed'/,
    );
    expect(result.stdout).toContain("Cited lessons: [06-the-flow]");
  });

  it("retries a 500 from the embeddings endpoint", async () => {
    let failed = false;
    stub = await startStub(
      provider((request) => {
        if (failed) return embedAll(request);
        failed = true;
        return { status: 500 };
      }),
    );
    const result = await runMain(main, {
      env: stubEnv(stub.url, { EMBEDDING_MODEL: "stub-embed", LESSONS_DIR: LESSONS }),
      args: [QUESTION],
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Retrieval: embeddings");
    expect(result.stderr).toContain("The provider had an error (500)");
  });
});
