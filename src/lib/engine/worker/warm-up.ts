// What a spare worker runs while it waits for a run: a suite shaped like the exercises' (nested
// describes, hooks, spies on console, async flows, the matchers the suites use, failures with diffs)
// over the course's own core as TypeScript. A fresh worker's runner, matchers and TypeScript
// transform start out interpreted and lazily compiled; after this, the learner's run finds them
// compiled. Only code text is shared with the learner's run, never state: each round, like each
// run, starts from fresh module instances, and the worker restores every spy it made.
import core from "warm-up:core";
import type { GradeRequest } from "./grade";

const suite = `import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BatchNode, Flow, Node, ParallelBatchNode } from "../pocketflow";

type Store = { log: string[]; count?: number; items?: number[] };

class Step extends Node<Store, string, string> {
  constructor(private readonly label: string, private readonly action?: string) {
    super({ maxRetries: 2 });
  }
  override prep(shared: Store) {
    return this.label;
  }
  override async exec(label: string) {
    await Promise.resolve();
    return label.toUpperCase();
  }
  override post(shared: Store, _label: string, result: string) {
    shared.log.push(result);
    return this.action;
  }
}

class Doubles extends BatchNode<Store, number, number> {
  override prep(shared: Store) {
    return shared.items ?? [];
  }
  override exec(item: number) {
    return item * 2;
  }
}

class Squares extends ParallelBatchNode<Store, number, number> {
  override prep(shared: Store) {
    return shared.items;
  }
  override async exec(item: number) {
    return item * item;
  }
}

describe("a warm-up flow", () => {
  let shared: Store;
  beforeEach(() => {
    shared = { log: [], items: [1, 2, 3] };
  });
  afterEach(() => {
    shared.log.length = 0;
  });

  describe("transitions", () => {
    it("runs nodes in order", async () => {
      const a = new Step("a");
      a.next(new Step("b")).next(new Step("c"));
      await new Flow(a).run(shared);
      expect(shared.log).toEqual(["A", "B", "C"]);
      expect(shared.log).toHaveLength(3);
      expect(shared.log).toContain("B");
    });
    it("branches on actions and warns when one is missing", async () => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      const a = new Step("a", "left");
      a.on("right", new Step("r"));
      expect(await new Flow(a).run(shared)).toBe("left");
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("Flow ends"));
      expect(warn.mock.calls[0]).toBeDefined();
    });
    it("fails with a diff", () => {
      expect({ log: ["A"], nested: { deep: [1, 2] } }).toEqual({ log: ["B"], nested: { deep: [1, 3] } });
    });
    it("fails a strict comparison", () => {
      expect(shared.log).toBe(["A"]);
    });
  });

  describe("batches and mocks", () => {
    it("maps items one after another and in parallel", async () => {
      await new Doubles().run(shared);
      await new Squares().run(shared);
      expect(await new Squares().exec(3)).toBeGreaterThanOrEqual(9);
      expect(0.1 + 0.2).toBeCloseTo(0.3);
      expect(shared.count).toBeUndefined();
    });
    it("records calls", () => {
      const fn = vi.fn((n: number) => n + 1).mockReturnValueOnce(10);
      expect(fn(1)).toBe(10);
      expect(fn(1)).toBe(2);
      expect(fn).toHaveBeenCalled();
      expect(fn).not.toHaveBeenCalledWith(3);
      expect(new Step("x")).toBeInstanceOf(Node);
      expect({ a: 1, b: { c: "text" } }).toMatchObject({ b: { c: expect.any(String) } });
      expect("pocketflow").toMatch(/flow$/);
      expect(2).toBeLessThan(3);
    });
    it("awaits promises and errors", async () => {
      await expect(Promise.resolve([1])).resolves.toEqual([1]);
      await expect(Promise.reject(new TypeError("no"))).rejects.toThrow(TypeError);
      expect(() => {
        throw new Error("boom");
      }).toThrow(/boom/);
      expect(() => undefined).not.toThrow();
    });
    it("fails with a thrown error", () => {
      throw new RangeError("thrown on purpose");
    });
  });
});
`;

/** A first, short round: the runner, a few matchers and the transform on a small file. A run that
 *  comes while a new worker warms up waits for the round in progress, so the first is quick. */
const quick: GradeRequest = {
  files: { "box.ts": "export class Box<T> { constructor(readonly value: T) {} }\n" },
  tests: {
    "tests/box.test.ts": [
      'import { expect, it, vi } from "vitest";',
      'import { Box } from "../box";',
      'it("warms up", async () => {',
      "  const spy = vi.fn((n: number) => n + 1);",
      "  expect(spy(1)).toBe(2);",
      "  expect(new Box([1, { a: 2 }]).value).toEqual([1, { a: 2 }]);",
      "  await expect(Promise.resolve(3)).resolves.toBe(3);",
      "});",
    ].join("\n"),
  },
  timeoutMs: 5000,
};

/** The suite shaped like the exercises', over the core as the learner's file. */
const thorough: GradeRequest = {
  files: { "pocketflow.ts": core },
  tests: { "tests/warm-up.test.ts": suite },
  timeoutMs: 5000,
};

/** The rounds a new worker runs while it waits, quick first: enough for the runner's, the matchers'
 *  and the transform's hot paths to be compiled by the time a learner presses Run again. */
export const WARM_UP_ROUNDS: GradeRequest[] = [quick, thorough, thorough, thorough];
