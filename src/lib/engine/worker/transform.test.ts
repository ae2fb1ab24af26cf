import { describe, expect, it } from "vitest";
import { SourceSyntaxError, codeFrame, positionOf, toCommonJs } from "./transform";

describe("positionOf", () => {
  it("gives 1-based line and column of an offset", () => {
    const source = "const a = 1;\nlet b = ;\n";
    expect(positionOf(source, 0)).toEqual({ line: 1, column: 1 });
    expect(positionOf(source, source.indexOf(";", 13))).toEqual({ line: 2, column: 9 });
  });

  it("clamps offsets past the end", () => {
    expect(positionOf("ab\ncd", 99)).toEqual({ line: 2, column: 3 });
  });
});

describe("codeFrame", () => {
  it("prints the line with a caret under the column", () => {
    expect(codeFrame("one\nlet b = ;\n", 2, 9)).toBe("2 | let b = ;\n            ^");
  });
});

describe("toCommonJs", () => {
  it("strips types and turns imports into requires, keeping line numbers", () => {
    const code = toCommonJs(
      "a.ts",
      'import { x, type Y } from "./b";\n\nexport const z: number = x;\nexport type W = Y;\n',
    );
    expect(code).toContain("require('./b')");
    expect(code).not.toContain(": number");
    expect(code.split("\n")[2]).toContain("_b.x");
  });

  it("keeps class fields as fields (define semantics, as TypeScript and vitest emit them)", () => {
    expect(toCommonJs("a.ts", "export class A { override x = 1; }\n")).toMatch(/class A \{\s+x = 1;/);
  });

  it("throws a SourceSyntaxError with the file, line and column of the original source", () => {
    const source = "export const ok = 1;\nexport const value: number = ;\n";
    let thrown: unknown;
    try {
      toCommonJs("pocketflow.ts", source);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SourceSyntaxError);
    const error = thrown as SourceSyntaxError;
    expect([error.file, error.line, error.column]).toEqual(["pocketflow.ts", 2, 30]);
    expect(error.message).toBe(
      "pocketflow.ts:2:30: Unexpected token\n2 | export const value: number = ;\n                                 ^",
    );
  });
});
