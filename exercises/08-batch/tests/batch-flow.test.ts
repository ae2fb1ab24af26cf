// BatchFlow: prep returns a list of params objects; the sub-flow runs once per item, with the item
// merged over the flow's own params.
import { describe, expect, it } from "vitest";
import { BatchFlow, Flow, Node } from "../pocketflow";
import { delay, inFlightGauge } from "./helpers";

type Store = { log: string[] };

/** Records which file it worked on, for whom. */
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

describe("BatchFlow", () => {
  it("runs the sub-flow once per params object, merged over the flow's params (the item wins)", async () => {
    const flow = new PerFile(new Record());
    flow.setParams({ user: "ada" });
    const shared: Store = { log: [] };
    await flow.run(shared);
    expect(shared.log, "params are { ...flow's params, ...item }: c.txt's own user wins").toEqual([
      "a.txt by ada",
      "b.txt by ada",
      "c.txt by grace",
    ]);
  });

  it("leaves the flow's own params as they were", async () => {
    const flow = new PerFile(new Record());
    flow.setParams({ user: "ada" });
    await flow.run({ log: [] });
    expect(flow.params, "merge into a new object; never write the items into this.params").toEqual({
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
    const flow = new PerFile(first);
    flow.setParams({ user: "ada" });
    const shared: Store = { log: [] };
    await flow.run(shared);
    expect(shared.log, "2 nodes × 3 items").toEqual([
      "a.txt by ada",
      "a.txt by ada",
      "b.txt by ada",
      "b.txt by ada",
      "c.txt by grace",
      "c.txt by grace",
    ]);
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
      expect(shared.log).toEqual([]);
    }
  });

  it("calls post with prep's list and undefined, and resolves to post's action", async () => {
    const seen: unknown[] = [];
    class Summed extends PerFile {
      override post(_shared: Store, items: unknown, execRes: unknown) {
        seen.push(items, execRes);
        return "batch done";
      }
    }
    await expect(new Summed(new Record()).run({ log: [] })).resolves.toBe("batch done");
    expect(seen[0], "post's second argument is the list prep returned").toHaveLength(3);
    expect(seen[1], "post's third argument is undefined").toBeUndefined();
  });

  it("runs copies: the graph's nodes keep their own params", async () => {
    const node = new Record();
    await new PerFile(node).run({ log: [] });
    expect(node.params).toEqual({});
  });

  it("works as a node inside an outer flow, which hands it its params", async () => {
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
    expect(shared.log).toEqual(["a.txt by ada", "b.txt by ada", "c.txt by grace", "done"]);
  });
});
