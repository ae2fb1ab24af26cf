import { describe, expect, it } from "vitest";
import { formatPlain, isMarker, marker, snapshot } from "./snapshot";

describe("snapshot", () => {
  it("copies plain data, so later changes to the store do not touch it", () => {
    const store = { question: "Why?", findings: [{ query: "q", results: "r" }], steps: 2, done: false };
    const picture = snapshot(store);
    store.findings.push({ query: "q2", results: "r2" });
    store.steps = 3;
    expect(picture).toEqual({
      question: "Why?",
      findings: [{ query: "q", results: "r" }],
      steps: 2,
      done: false,
    });
  });

  it("shows what JSON cannot hold as markers: functions, undefined, dates, maps, sets, errors", () => {
    const llm = async () => "";
    const picture = snapshot({
      llm,
      missing: undefined,
      when: new Date("2025-01-02T03:04:05.000Z"),
      cache: new Map([["a", 1]]),
      seen: new Set([1, 2]),
      error: new TypeError("bad"),
      big: 12n,
      nan: Number.NaN,
    });
    expect(picture).toEqual({
      llm: marker("ƒ llm"),
      missing: marker("undefined"),
      when: marker("Date 2025-01-02T03:04:05.000Z"),
      cache: marker("Map(1)"),
      seen: marker("Set(2)"),
      error: marker("TypeError: bad"),
      big: marker("12n"),
      nan: marker("NaN"),
    });
  });

  it("marks a cycle instead of following it forever", () => {
    const store: Record<string, unknown> = { name: "loop" };
    store.self = store;
    expect(snapshot(store)).toEqual({ name: "loop", self: marker("[Circular]") });
  });

  it("keeps the same object twice when it is shared, not cyclic", () => {
    const item = { id: 1 };
    expect(snapshot({ a: item, b: item })).toEqual({ a: { id: 1 }, b: { id: 1 } });
  });

  it("cuts deep nesting, long lists and long strings at the given limits", () => {
    const picture = snapshot(
      { deep: { a: { b: { c: 1 } } }, list: [1, 2, 3, 4, 5], text: "abcdefghij" },
      { maxDepth: 3, maxItems: 3, maxString: 4 },
    );
    expect(picture).toEqual({
      deep: { a: { b: marker("{…}") } },
      list: [1, 2, 3, marker("… 2 more")],
      text: "abcd… (10 characters)",
    });
  });

  it("does not run getters: it shows that there is one", () => {
    const store = {
      get total(): number {
        throw new Error("a getter must not run");
      },
    };
    expect(snapshot(store)).toEqual({ total: marker("get") });
  });

  it("tells markers from data", () => {
    expect(isMarker(marker("ƒ llm"))).toBe(true);
    expect(isMarker({ "~": "x", other: 1 })).toBe(false);
    expect(isMarker("ƒ llm")).toBe(false);
  });
});

describe("formatPlain", () => {
  it("writes plain data as one line of JavaScript-like text", () => {
    expect(formatPlain({ role: "user", content: "Hi", "two words": [1, null], llm: marker("ƒ llm") })).toBe(
      '{ role: "user", content: "Hi", "two words": [1, null], llm: ƒ llm }',
    );
    expect(formatPlain([])).toBe("[]");
    expect(formatPlain({})).toBe("{}");
  });

  it("cuts long text with an ellipsis", () => {
    expect(formatPlain("a long answer indeed", 10)).toBe('"a long a…');
  });
});
