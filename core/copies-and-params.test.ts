// A flow runs shallow copies of its nodes with the flow's params; the graph itself never changes.
import { describe, expect, it } from "vitest";
import { Flow, Node } from "./index";

type Store = { seen: string[] };

/** Writes on `this` while running, so a test can tell whether the graph's node was touched. */
class Marks extends Node<Store> {
  runs = 0;
  override prep(shared: Store) {
    this.runs += 1;
    shared.seen.push(`${String(this.params.name)} run ${this.runs}`);
  }
}

describe("copies", () => {
  it("runs a copy of each node: the graph's own node is not mutated", async () => {
    const node = new Marks();
    const flow = new Flow(node);
    flow.setParams({ name: "x" });
    await flow.run({ seen: [] });
    expect(node.runs, "the graph's own node must not run: the flow runs a copyOf it").toBe(0);
    expect(node.params, "setParams goes to the copy, so the graph's node keeps its params").toEqual({});
  });

  it("runs a fresh copy every time, so a flow can run twice with the same result", async () => {
    const flow = new Flow(new Marks());
    flow.setParams({ name: "x" });
    const first: Store = { seen: [] };
    const second: Store = { seen: [] };
    await flow.run(first);
    await flow.run(second);
    expect(first.seen).toEqual(["x run 1"]);
    expect(second.seen, "the second run starts from the untouched graph, so it counts run 1 again").toEqual(
      first.seen,
    );
  });

  it("makes a new copy on each visit of a loop", async () => {
    class Loop extends Marks {
      override post(shared: Store) {
        return shared.seen.length < 3 ? "again" : "stop";
      }
    }
    const loop = new Loop();
    loop.on("again", loop);
    loop.on("stop", new Node());
    const flow = new Flow(loop);
    flow.setParams({ name: "loop" });
    const shared: Store = { seen: [] };
    await flow.run(shared);
    expect(shared.seen, "each visit runs a new copy of the graph's node, whose runs is still 0").toEqual([
      "loop run 1",
      "loop run 1",
      "loop run 1",
    ]);
  });

  it("keeps the copy's class, so overridden hooks still run", async () => {
    const shared: Store = { seen: [] };
    await new Flow(new Marks()).run(shared);
    expect(shared.seen, "Marks.prep ran on the copy: the copy has the node's prototype").toHaveLength(1);
  });
});

describe("params", () => {
  it("gives every node in the flow the flow's params", async () => {
    const a = new Marks();
    a.next(new Marks());
    const flow = new Flow(a);
    flow.setParams({ name: "doc-7" });
    const shared: Store = { seen: [] };
    await flow.run(shared);
    expect(shared.seen, "both nodes read the flow's params as this.params").toEqual([
      "doc-7 run 1",
      "doc-7 run 1",
    ]);
  });

  it("replaces a node's own params with the flow's while it runs", async () => {
    const node = new Marks();
    node.setParams({ name: "own" });
    const flow = new Flow(node);
    flow.setParams({ name: "flow's" });
    const shared: Store = { seen: [] };
    await flow.run(shared);
    expect(shared.seen, "inside the flow, the flow's params replace the node's own").toEqual([
      "flow's run 1",
    ]);
    expect(node.params, "the graph's node keeps its own params").toEqual({ name: "own" });
  });

  it("copies the flow's params for each run: a node writing this.params changes neither the flow nor the next run", async () => {
    const seen: unknown[] = [];
    class Scribbles extends Node {
      override prep() {
        seen.push(this.params.note ?? "no note yet");
        this.params.note = "written during a run";
      }
    }
    const flow = new Flow(new Scribbles());
    flow.setParams({ user: "ada" });
    await flow.run({});
    expect(flow.params, "the flow hands its nodes a copy of its params, not its own object").toEqual({
      user: "ada",
    });
    await flow.run({});
    expect(seen, "the second run starts from the flow's params, without the first run's write").toEqual([
      "no note yet",
      "no note yet",
    ]);
  });
});

describe("the shared store", () => {
  it("is one object that every node reads and writes", async () => {
    class Write extends Node<Record<string, number>> {
      override post(shared: Record<string, number>) {
        shared.answer = 42;
      }
    }
    class Read extends Node<Record<string, number>, number> {
      override prep(shared: Record<string, number>) {
        return shared.answer ?? -1;
      }
      override post(shared: Record<string, number>, answer: number) {
        shared.doubled = answer * 2;
      }
    }
    const write = new Write();
    write.next(new Read());
    const shared: Record<string, number> = {};
    await new Flow(write).run(shared);
    expect(shared, "Read found what Write left in the same store").toEqual({ answer: 42, doubled: 84 });
  });
});
