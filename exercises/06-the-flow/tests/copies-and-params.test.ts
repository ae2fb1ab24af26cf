// A flow runs shallow copies of its nodes with the flow's params; the graph itself never changes.
import { describe, expect, it } from "vitest";
import { Flow, Node } from "../pocketflow";
import { explained } from "./helpers";

type Store = { seen: string[] };

/** Counts its runs on `this`, so a test can tell whether the graph's own node was used. */
class Marks extends Node<Store> {
  runs = 0;
  override prep(shared: Store) {
    this.runs += 1;
    shared.seen.push(`${String(this.params.name)} run ${this.runs}`);
  }
}

describe("copies", () => {
  it("runs a copy of each node: the graph's own nodes are not changed", async () => {
    const first = new Marks();
    const second = first.next(new Marks());
    const flow = new Flow(first);
    flow.setParams({ name: "x" });
    await flow.run({ seen: [] });
    expect(first.runs, "the start node itself must not run: run a copyOf it").toBe(0);
    expect(second.runs, "the next node itself must not run: run a copyOf it").toBe(0);
    expect([first.params, second.params], "setParams goes to the copies, not the graph's nodes").toEqual([
      {},
      {},
    ]);
  });

  it("runs fresh copies every time, so a flow can run twice with the same result", async () => {
    const flow = new Flow(new Marks());
    flow.setParams({ name: "x" });
    const first: Store = { seen: [] };
    const second: Store = { seen: [] };
    await flow.run(first);
    await flow.run(second);
    expect(first.seen).toEqual(["x run 1"]);
    expect(second.seen, "the second run starts from the untouched graph").toEqual(["x run 1"]);
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
    expect(shared.seen, "each visit copies the graph's node, whose runs is still 0").toEqual([
      "loop run 1",
      "loop run 1",
      "loop run 1",
    ]);
  });

  it("leaves the graph's node at curRetry 0 after a retried run", async () => {
    class Flaky extends Node {
      override exec() {
        if (this.curRetry < 2) throw new Error("not yet");
      }
    }
    const node = new Flaky({ maxRetries: 3 });
    await explained(
      new Flow(node).run({}),
      "the flow's run",
      "exec fails on purpose until its curRetry is 2, which maxRetries 3 allows: does _orchestrate run " +
        "each node with _run (which goes through Node's retries), and await its result?",
    );
    expect(node.curRetry, "the copy retried; the graph's node did not").toBe(0);
  });
});

describe("params", () => {
  it("gives every node in the flow the flow's params", async () => {
    const a = new Marks();
    a.next(new Marks()).next(new Marks());
    const flow = new Flow(a);
    flow.setParams({ name: "doc-7" });
    const shared: Store = { seen: [] };
    await flow.run(shared);
    expect(shared.seen).toEqual(["doc-7 run 1", "doc-7 run 1", "doc-7 run 1"]);
  });

  it("replaces a node's own params with the flow's while it runs", async () => {
    const node = new Marks();
    node.setParams({ name: "own" });
    const flow = new Flow(node);
    flow.setParams({ name: "flow's" });
    const shared: Store = { seen: [] };
    await flow.run(shared);
    expect(shared.seen, "the flow's params win inside the flow").toEqual(["flow's run 1"]);
    expect(node.params, "the graph's node keeps its own params").toEqual({ name: "own" });
  });

  it("are copied for each run: a node writing this.params changes neither the flow's params nor the next run", async () => {
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
    expect(
      flow.params,
      "hand the nodes a copy made for this run, { ...this.params }, not the flow's own object",
    ).toEqual({ user: "ada" });
    await flow.run({});
    expect(seen, "the second run starts from the flow's params, without the first run's write").toEqual([
      "no note yet",
      "no note yet",
    ]);
  });
});

describe("the shared store", () => {
  it("is one object that every node reads and writes", async () => {
    type Numbers = Record<string, number>;
    class Write extends Node<Numbers> {
      override post(shared: Numbers) {
        shared.answer = 42;
      }
    }
    class Read extends Node<Numbers, number> {
      override prep(shared: Numbers) {
        return shared.answer ?? -1;
      }
      override post(shared: Numbers, answer: number) {
        shared.doubled = answer * 2;
      }
    }
    const write = new Write();
    write.next(new Read());
    const shared: Numbers = {};
    await new Flow(write).run(shared);
    expect(shared, "Read found what Write left in the same store").toEqual({ answer: 42, doubled: 84 });
  });
});
