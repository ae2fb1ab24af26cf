import { describe, expect, it } from "vitest";
import { countLines, sizeOf } from "./core-size";

describe("countLines", () => {
  it("counts every line, and as code only lines that are neither blank nor a comment", () => {
    const source = "// a comment\n\nconst a = 1;\n/** doc */\n * more doc\nconst b = 2; // trailing\n";
    expect(countLines(source)).toEqual({ lines: 6, code: 2 });
  });

  it("keeps the core within the course's promise of at most 150 lines of code", () => {
    expect(
      sizeOf().code,
      "DESIGN: the core stays at most 150 lines of code after formatting",
    ).toBeLessThanOrEqual(150);
  });
});
