// nodes.ts: CountWords, a node whose hooks each do their own part of the job.
import { describe, expect, it } from "vitest";
import { CountWords, type TextStore } from "../nodes";

describe("CountWords", () => {
  it("prep returns the text from the shared store", () => {
    expect(new CountWords().prep({ text: "read me" })).toBe("read me");
  });

  it("exec counts words from its input alone, ignoring extra spaces, tabs and newlines", () => {
    const node = new CountWords();
    expect(node.exec("one two three"), '"one two three" has 3 words').toBe(3);
    expect(node.exec("  spaced   out\twords\nhere  "), "runs of whitespace separate words").toBe(4);
    expect(node.exec("single"), '"single" has 1 word').toBe(1);
  });

  it("exec counts 0 words in an empty or blank text", () => {
    const node = new CountWords();
    expect(node.exec(""), 'an empty text has 0 words (note: "".split(" ") has one empty piece)').toBe(0);
    expect(node.exec("   \n "), "a text of only spaces has 0 words").toBe(0);
  });

  it('post stores the count in shared.wordCount and returns "counted", or "empty" for 0 words', () => {
    const shared: TextStore = { text: "a b" };
    expect(new CountWords().post(shared, "a b", 2)).toBe("counted");
    expect(shared.wordCount).toBe(2);
    const blank: TextStore = { text: "" };
    expect(new CountWords().post(blank, "", 0)).toBe("empty");
    expect(blank.wordCount, "post should still store the count 0").toBe(0);
  });

  it("runs end to end: counts the store's text and resolves to the action", async () => {
    const shared: TextStore = { text: "PocketFlow is a graph plus a shared store" };
    await expect(new CountWords().run(shared)).resolves.toBe("counted");
    expect(shared).toEqual({ text: "PocketFlow is a graph plus a shared store", wordCount: 8 });
  });

  it('runs end to end on an empty text and resolves to "empty"', async () => {
    const shared: TextStore = { text: "" };
    await expect(new CountWords().run(shared)).resolves.toBe("empty");
    expect(shared.wordCount).toBe(0);
  });
});
