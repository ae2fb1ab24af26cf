// Batches: BatchNode runs exec per item, BatchFlow runs a sub-flow per params object.
import { describe, expect, it } from "vitest";
import { BatchFlow, BatchNode, Flow, Node } from "./index";
import { delay, explained, inFlightGauge } from "./test-helpers";

type Store = { words?: string[] | null; results?: string[]; log: string[] };

class Shout extends BatchNode<Store, string, string> {
  override prep(shared: Store) {
    return shared.words;
  }
  override exec(word: string) {
    return word.toUpperCase();
  }
  override post(shared: Store, _words: string[] | null | undefined, results: string[]) {
    shared.results = results;
  }
}

describe("BatchNode", () => {
  it("calls exec once per item and gives post the list of results, in order", async () => {
    const shared: Store = { words: ["a", "b", "c"], log: [] };
    await new Shout().run(shared);
    expect(shared.results, "post receives [exec(a), exec(b), exec(c)]").toEqual(["A", "B", "C"]);
  });

  it("runs items one after another, never two at once", async () => {
    const gauge = inFlightGauge();
    const order: number[] = [];
    class Slow extends BatchNode<unknown, number, number> {
      override prep() {
        return [30, 10, 20];
      }
      override exec(ms: number) {
        return gauge.around(async () => {
          await delay(ms);
          order.push(ms);
          return ms;
        });
      }
    }
    await new Slow().run({});
    expect(gauge.peak, "a BatchNode has at most one item in flight").toBe(1);
    expect(order, "each item finishes before the next starts, whatever its duration").toEqual([30, 10, 20]);
  });

  it("treats a null or undefined prep result as an empty list", async () => {
    for (const words of [null, undefined]) {
      const shared: Store = { words, log: [] };
      await new Shout().run(shared);
      expect(shared.results, `prep returned ${String(words)}: exec never runs, post gets []`).toEqual([]);
    }
  });

  it("retries each item on its own and falls back per item", async () => {
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
    const shared: Store = { words: ["ok", "flaky", "bad"], log: [] };
    await explained(
      new Picky({ maxRetries: 2 }).run(shared),
      "run",
      () =>
        "exec fails on purpose for flaky (first attempt) and bad (every attempt), and with maxRetries 2 and a " +
        `fallback no error should escape (attempts made: ${attempts.join(", ")}). ` +
        "Does BatchNode run each item through _attempt, with its retries and fallback?",
    );
    expect(shared.results, "flaky succeeded on its retry; bad got its fallback").toEqual([
      "ok",
      "flaky",
      "bad (fallback)",
    ]);
    expect(attempts, "every item gets its own attempts, with curRetry from 0").toEqual([
      "ok#0",
      "flaky#0",
      "flaky#1",
      "bad#0",
      "bad#1",
    ]);
  });

  it("rejects when an item fails every attempt and has no fallback", async () => {
    class Fails extends BatchNode<unknown, number, number> {
      override prep() {
        return [1, 2];
      }
      override exec(n: number): number {
        if (n === 2) throw new Error("item 2 failed");
        return n;
      }
    }
    await expect(new Fails().run({}), "with no fallback, one item's error rejects the batch").rejects.toThrow(
      "item 2 failed",
    );
  });
});

describe("BatchFlow", () => {
  class Record extends Node<Store> {
    override async prep(shared: Store) {
      await delay(1);
      shared.log.push(`${String(this.params.file)} by ${String(this.params.user)}`);
    }
  }

  class PerFile extends BatchFlow<Store> {
    override prep() {
      return [{ file: "a.txt" }, { file: "b.txt" }, { file: "c.txt", user: "grace" }];
    }
  }

  it("runs the sub-flow once per params object, merging them over the flow's own params", async () => {
    const flow = new PerFile(new Record());
    flow.setParams({ user: "ada" });
    const shared: Store = { log: [] };
    await flow.run(shared);
    expect(shared.log, "params are { ...flow's params, ...item }: c.txt's own user wins").toEqual([
      "a.txt by ada",
      "b.txt by ada",
      "c.txt by grace",
    ]);
    expect(flow.params, "the flow's own params are unchanged: merge into a new object").toEqual({
      user: "ada",
    });
  });

  it("runs the sub-flows one after another", async () => {
    const gauge = inFlightGauge();
    class Tracked extends Node {
      override exec() {
        return gauge.around(() => delay(5));
      }
    }
    class Three extends BatchFlow {
      override prep() {
        return [{}, {}, {}];
      }
    }
    await new Three(new Tracked()).run({});
    expect(gauge.peak, "each run of the sub-flow ends before the next starts").toBe(1);
  });

  it("runs the whole sub-flow graph for each item", async () => {
    const first = new Record();
    first.next(new Record());
    const shared: Store = { log: [] };
    const flow = new PerFile(first);
    flow.setParams({ user: "ada" });
    await flow.run(shared);
    expect(shared.log, "2 nodes × 3 items").toHaveLength(6);
  });

  it("treats a null or undefined prep result as no items", async () => {
    for (const items of [null, undefined]) {
      class Empty extends BatchFlow<Store> {
        override prep() {
          return items;
        }
      }
      const shared: Store = { log: [] };
      await new Empty(new Record()).run(shared);
      expect(shared.log, `prep returned ${String(items)}: the sub-flow never runs`).toEqual([]);
    }
  });

  it("calls post with the prep result and undefined, and returns post's action", async () => {
    const seen: unknown[] = [];
    class Summed extends PerFile {
      override post(_shared: Store, items: unknown, execRes: unknown) {
        seen.push(items, execRes);
        return "batch done";
      }
    }
    await expect(new Summed(new Record()).run({ log: [] }), "run resolves to post's action").resolves.toBe(
      "batch done",
    );
    expect(seen[0], "post's second argument is the list prep returned").toHaveLength(3);
    expect(seen[1], "post's third argument is undefined").toBeUndefined();
  });

  it("works as a node inside an outer flow", async () => {
    const batch = new PerFile(new Record());
    class Done extends Node<Store> {
      override post(shared: Store) {
        shared.log.push("done");
      }
    }
    batch.next(new Done());
    const outer = new Flow(batch);
    outer.setParams({ user: "ada" });
    const shared: Store = { log: [] };
    await outer.run(shared);
    expect(shared.log, "the outer flow's params reach the batch's sub-flows; then Done runs").toEqual([
      "a.txt by ada",
      "b.txt by ada",
      "c.txt by grace",
      "done",
    ]);
  });
});
