// Flows inside flows, batches and parallel runs: each step knows the flow it ran in and its params.
import { describe, expect, it } from "vitest";
import { BatchFlow, Flow, Node, ParallelBatchFlow, ParallelBatchNode } from "../index";
import { delay } from "../test-helpers";
import { Tracer } from "./recorder";

type Store = { log: string[]; results?: number[] };

class Say extends Node<Store> {
  constructor(private readonly word: string) {
    super();
  }
  override post(shared: Store) {
    shared.log.push(`${this.word}${this.params.file ? ` ${String(this.params.file)}` : ""}`);
  }
}

const rows = (tracer: Tracer) =>
  tracer.steps.map((step) => `${"  ".repeat(step.depth)}${step.node}#${step.index} ← ${step.parent ?? "-"}`);

describe("flows inside flows", () => {
  it("nests each step under the flow it ran in", async () => {
    const inner = new Flow<Store>();
    inner.start(new Say("a")).next(new Say("b"));
    const outer = new Flow<Store>();
    outer.start(new Say("start")).next(inner).next(new Say("end"));
    const tracer = new Tracer();
    await tracer.attach(outer).run({ log: [] });
    expect(rows(tracer)).toEqual([
      "Flow#0 ← -",
      "  Say#1 ← 0",
      "  Flow#2 ← 0",
      "    Say#3 ← 2",
      "    Say#4 ← 2",
      "  Say#5 ← 0",
    ]);
    expect(tracer.steps[2]?.changes, "a flow's changes are its steps' changes").toEqual([
      { path: "log[1]", kind: "added", after: "a" },
      { path: "log[2]", kind: "added", after: "b" },
    ]);
  });
});

describe("batches", () => {
  class Files extends BatchFlow<Store> {
    override prep() {
      return [{ file: "a.txt" }, { file: "b.txt" }];
    }
  }

  it("records each sub-flow run of a BatchFlow with that run's params", async () => {
    const batch = new Files(new Say("read"));
    batch.setParams({ user: "ada" });
    const tracer = new Tracer();
    await tracer.attach(batch).run({ log: [] });
    expect(tracer.steps.map((step) => [step.node, step.params])).toEqual([
      ["Files", { user: "ada" }],
      ["Say", { user: "ada", file: "a.txt" }],
      ["Say", { user: "ada", file: "b.txt" }],
    ]);
  });

  it("puts the runs of a ParallelBatchFlow under it, whatever order they finish in", async () => {
    class Slow extends Node<Store> {
      override async exec() {
        await delay(this.params.file === "a.txt" ? 20 : 1);
      }
      override post(shared: Store) {
        shared.log.push(String(this.params.file));
      }
    }
    class ParallelFiles extends ParallelBatchFlow<Store> {
      override prep() {
        return [{ file: "a.txt" }, { file: "b.txt" }];
      }
    }
    const tracer = new Tracer();
    const shared: Store = { log: [] };
    await tracer.attach(new ParallelFiles(new Slow())).run(shared);
    expect(shared.log, "b finishes first").toEqual(["b.txt", "a.txt"]);
    expect(tracer.steps.map((step) => [step.node, step.parent, step.status])).toEqual([
      ["ParallelFiles", undefined, "done"],
      ["Slow", 0, "done"],
      ["Slow", 0, "done"],
    ]);
  });

  it("counts every item's exec call in one step of a ParallelBatchNode", async () => {
    class Double extends ParallelBatchNode<Store, number, number> {
      override prep() {
        return [1, 2, 3];
      }
      override async exec(item: number) {
        await delay(1);
        return item * 2;
      }
      override post(shared: Store, _items: unknown, results: number[]) {
        shared.results = results;
      }
    }
    const tracer = new Tracer();
    await tracer.attach(new Flow(new Double())).run({ log: [] });
    expect(tracer.steps[1]).toMatchObject({ node: "Double", execCalls: 3, status: "done" });
    expect(tracer.steps[1]?.changes).toEqual([{ path: "results", kind: "added", after: [2, 4, 6] }]);
  });
});
