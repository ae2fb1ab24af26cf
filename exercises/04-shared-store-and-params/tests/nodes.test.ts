// nodes.ts: ReadFile and Summarize share data only through the store, and read their settings from params.
import { describe, expect, it } from "vitest";
import { ReadFile, Summarize, type DocStore } from "../nodes";

const store = (): DocStore => ({
  files: {
    "notes.txt": "  PocketFlow keeps\n\tthe whole framework   in about one hundred lines.  ",
    "short.txt": "Graphs and a shared store.",
  },
  summaries: {},
});

const withParams = <T extends ReadFile | Summarize>(node: T, params: Record<string, unknown>) => {
  node.setParams(params);
  return node;
};

describe("ReadFile", () => {
  it("reads the file named by params.file and stores its tidied text in shared.text", async () => {
    const shared = store();
    await withParams(new ReadFile(), { file: "notes.txt" }).run(shared);
    expect(shared.text, "trimmed, with each run of spaces, tabs or newlines turned into one space").toBe(
      "PocketFlow keeps the whole framework in about one hundred lines.",
    );
  });

  it("tidies whitespace in exec, from its input alone", () => {
    expect(new ReadFile().exec("  a \n\n b\t c  ")).toBe("a b c");
  });

  it("rejects with \"No file named '…'\" when params.file is not in shared.files", async () => {
    await expect(withParams(new ReadFile(), { file: "missing.txt" }).run(store())).rejects.toThrow(
      "No file named 'missing.txt'",
    );
  });
});

describe("Summarize", () => {
  it("prep gathers the text from the store and maxWords from params", () => {
    const shared = { ...store(), text: "one two three" };
    expect(withParams(new Summarize(), { maxWords: 2 }).prep(shared)).toEqual({
      text: "one two three",
      maxWords: 2,
    });
    expect(new Summarize().prep(shared), "maxWords is 5 when params do not set it").toEqual({
      text: "one two three",
      maxWords: 5,
    });
  });

  it('exec keeps the first maxWords words and adds "…" only when it cut some', () => {
    const node = new Summarize();
    expect(node.exec({ text: "a b c d e f", maxWords: 3 })).toBe("a b c…");
    expect(node.exec({ text: "a b c", maxWords: 3 }), "3 words fit in maxWords 3: no cut, no …").toBe(
      "a b c",
    );
  });

  it("post stores the summary under the file named by params.file", async () => {
    const shared: DocStore = { files: {}, text: "already read by someone else", summaries: {} };
    await withParams(new Summarize(), { file: "given.txt", maxWords: 2 }).run(shared);
    expect(shared.summaries["given.txt"], "the first 2 words of shared.text, whoever wrote it").toBe(
      "already read…",
    );
  });
});

describe("the two nodes together", () => {
  it("summarize a file when run one after the other on the same store", async () => {
    const shared = store();
    const params = { file: "notes.txt", maxWords: 4 };
    await withParams(new ReadFile(), params).run(shared);
    await withParams(new Summarize(), params).run(shared);
    expect(shared.summaries["notes.txt"], "the first 4 words of notes.txt, then …").toBe(
      "PocketFlow keeps the whole…",
    );
  });

  it("are reused for a second file just by setting new params", async () => {
    const shared = store();
    const [read, summarize] = [new ReadFile(), new Summarize()];
    for (const file of ["notes.txt", "short.txt"]) {
      read.setParams({ file });
      summarize.setParams({ file, maxWords: 5 });
      await read.run(shared);
      await summarize.run(shared);
    }
    expect(shared.summaries["notes.txt"]).toBe("PocketFlow keeps the whole framework…");
    expect(shared.summaries["short.txt"], "short.txt has only 5 words: kept whole").toBe(
      "Graphs and a shared store.",
    );
  });
});
