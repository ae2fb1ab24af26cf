import { describe, expect, it } from "vitest";
import { issueCount, type TypeCheckIssue } from "./typecheck-view";

const issue = (code: number): TypeCheckIssue => ({ file: "a.ts", line: 1, column: 1, message: "", code });

describe("the Type check line's count", () => {
  it("calls a syntax error a syntax error, and counts type errors apart", () => {
    expect(issueCount([issue(1109), issue(1005)])).toBe("2 syntax errors");
    expect(issueCount([issue(2322)])).toBe("1 type error");
    expect(issueCount([issue(1109), issue(2322), issue(2345)])).toBe("1 syntax error, 2 type errors");
    expect(issueCount([])).toBe("0 type errors");
  });
});
