// BatchNode: prep returns a list, exec (with its retries) runs once per item, post gets every result.
import { describe, expect, it } from "vitest";
import { BatchNode, Node, type MaybePromise } from "../pocketflow";
import { delay, explained, inFlightGauge } from "./helpers";

type Store = { words?: string[] | null; results?: string[]; calls: string[] };

class Shout extends BatchNode<Store, string, string> {
  override prep(shared: Store) {
    shared.calls.push("prep");
    return shared.words;
  }
  override exec(word: string): MaybePromise<string> {
    return word.toUpperCase();
  }
  override post(shared: Store, words: string[] | null | undefined, results: string[]) {
    shared.calls.push(`post got ${words?.length ?? "no"} words`);
    shared.results = results;
  }
}

describe("BatchNode", () => {
  it("calls exec once per item and gives post the list of results, in order", async () => {
    const shared: Store = { words: ["a", "b", "c"], calls: [] };
    await new Shout().run(shared);
    expect(shared.results, "post receives [exec(a), exec(b), exec(c)]").toEqual(["A", "B", "C"]);
  });

  it("runs prep and post once for the whole batch, and gives post prep's list", async () => {
    const shared: Store = { words: ["a", "b", "c"], calls: [] };
    await new Shout().run(shared);
    expect(shared.calls).toEqual(["prep", "post got 3 words"]);
  });

  it("awaits an async exec for each item, so post gets values, not promises", async () => {
    class SlowShout extends Shout {
      override async exec(word: string) {
        await delay(2);
        return word.toUpperCase();
      }
    }
    const shared: Store = { words: ["x", "y"], calls: [] };
    await new SlowShout().run(shared);
    expect(shared.results).toEqual(["X", "Y"]);
  });

  it("runs items one after another, never two at once", async () => {
    const gauge = inFlightGauge();
    const finished: number[] = [];
    class Slow extends BatchNode<unknown, number, number> {
      override prep() {
        return [30, 10, 20];
      }
      override exec(ms: number) {
        return gauge.around(async () => {
          await delay(ms);
          finished.push(ms);
          return ms;
        });
      }
    }
    await new Slow().run({});
    expect(gauge.peak, "at most one item in flight").toBe(1);
    expect(finished, "each item finishes before the next starts").toEqual([30, 10, 20]);
  });

  it("treats a null or undefined prep result as an empty list", async () => {
    for (const words of [null, undefined]) {
      const shared: Store = { words, calls: [] };
      await new Shout().run(shared);
      expect(shared.results, `prep returned ${String(words)}: post gets []`).toEqual([]);
    }
  });

  it("retries each item on its own, with curRetry from 0, and falls back per item", async () => {
    const attempts: string[] = [];
    class Picky extends BatchNode<Store, string, string> {
      override prep(shared: Store) {
        return shared.words;
      }
      override exec(word: string) {
        attempts.push(`${word}#${this.curRetry}`);
        if (word === "bad") throw new Error("no");
        if (word === "flaky" && this.curRetry === 0) throw new Error("not yet");
        return word;
      }
      override execFallback(word: string) {
        return `${word} (fallback)`;
      }
      override post(shared: Store, _words: unknown, results: string[]) {
        shared.results = results;
      }
    }
    const shared: Store = { words: ["ok", "flaky", "bad"], calls: [] };
    await explained(
      new Picky({ maxRetries: 2 }).run(shared),
      "run",
      () =>
        'exec fails on purpose for "flaky" on attempt 0 and for "bad" on every attempt; with maxRetries 2 ' +
        `and a fallback, nothing should escape (attempts made: ${attempts.join(", ")}). ` +
        "Does BatchNode._exec run each item through this._attempt(item), which retries and falls back?",
    );
    expect(attempts, "every item gets its own attempts, numbered from 0").toEqual([
      "ok#0",
      "flaky#0",
      "flaky#1",
      "bad#0",
      "bad#1",
    ]);
    expect(shared.results).toEqual(["ok", "flaky", "bad (fallback)"]);
  });

  it("rejects when an item fails with no fallback, and starts no item after it", async () => {
    const started: number[] = [];
    class Fails extends BatchNode<unknown, number, number> {
      override prep() {
        return [1, 2, 3];
      }
      override exec(n: number): number {
        started.push(n);
        if (n === 2) throw new Error("item 2 failed");
        return n;
      }
    }
    await expect(new Fails().run({})).rejects.toThrow("item 2 failed");
    expect(started).toEqual([1, 2]);
  });

  it("is a Node, so it takes maxRetries and wait", () => {
    const node = new BatchNode({ maxRetries: 3, wait: 0.01 });
    expect(node).toBeInstanceOf(Node);
    expect([node.maxRetries, node.wait]).toEqual([3, 0.01]);
  });
});
