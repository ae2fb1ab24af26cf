import { describe, expect, it } from "vitest";
import { splitInlineCode } from "./inline-code";

describe("splitInlineCode", () => {
  it("marks text between backticks as code", () => {
    expect(splitInlineCode("What `post` returns")).toEqual([
      { code: false, text: "What " },
      { code: true, text: "post" },
      { code: false, text: " returns" },
    ]);
  });

  it("returns plain text as one part", () => {
    expect(splitInlineCode("No code here.")).toEqual([{ code: false, text: "No code here." }]);
  });

  it("keeps an unpaired backtick as text", () => {
    expect(splitInlineCode("`a` and ` b")).toEqual([
      { code: true, text: "a" },
      { code: false, text: " and ` b" },
    ]);
  });
});
