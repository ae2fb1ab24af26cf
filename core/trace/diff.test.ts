import { describe, expect, it } from "vitest";
import { diff, formatChange } from "./diff";
import { marker } from "./snapshot";

describe("diff", () => {
  it("finds nothing between equal snapshots", () => {
    expect(diff({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });

  it("names added, changed and removed keys by their path", () => {
    expect(diff({ question: "Q", query: "old", steps: 1 }, { question: "Q", steps: 2, answer: "A" })).toEqual(
      [
        { path: "query", kind: "removed", before: "old" },
        { path: "steps", kind: "changed", before: 1, after: 2 },
        { path: "answer", kind: "added", after: "A" },
      ],
    );
  });

  it("shows the new items of a list that grew, not the whole list", () => {
    const before = { messages: [{ role: "user", content: "Hi" }] };
    const after = {
      messages: [
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello!" },
      ],
    };
    expect(diff(before, after)).toEqual([
      { path: "messages[1]", kind: "added", after: { role: "assistant", content: "Hello!" } },
    ]);
  });

  it("goes into nested objects and quotes keys that are not identifiers", () => {
    expect(
      diff({ user: { name: "Ada", "last seen": 1 } }, { user: { name: "Ada", "last seen": 2 } }),
    ).toEqual([{ path: 'user["last seen"]', kind: "changed", before: 1, after: 2 }]);
  });

  it("treats a value that changed type as changed", () => {
    expect(diff({ context: marker("undefined") }, { context: "found" })).toEqual([
      { path: "context", kind: "changed", before: marker("undefined"), after: "found" },
    ]);
    expect(diff({ list: [1] }, { list: { 0: 1 } })).toEqual([
      { path: "list", kind: "changed", before: [1], after: { 0: 1 } },
    ]);
  });
});

describe("formatChange", () => {
  it("writes each kind of change as one line", () => {
    expect(formatChange({ path: "answer", kind: "added", after: "42" })).toBe('+ answer = "42"');
    expect(formatChange({ path: "steps", kind: "changed", before: 1, after: 2 })).toBe("~ steps: 1 → 2");
    expect(formatChange({ path: "query", kind: "removed", before: "q" })).toBe('- query (was "q")');
  });
});
