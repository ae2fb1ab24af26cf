// ParallelBatchFlow: the sub-flow runs once per params object, concurrently, each run with its own params.
import { describe, expect, it } from "vitest";
import { BatchFlow, Node, ParallelBatchFlow } from "../pocketflow";
import { delay, explained, inFlightGauge } from "./helpers";

type Got = { got: string[] };

/** Waits params.ms, then records the url it started with and the url it sees after the wait. */
class Fetch extends Node<Got> {
  /** Shared by the flow's copies of this node (a shallow copy keeps the reference). */
  gauge = inFlightGauge();
  override async prep(shared: Got) {
    const before = String(this.params.url);
    await this.gauge.around(() => delay(Number(this.params.ms)), before);
    shared.got.push(`${before}=${String(this.params.url)} for ${String(this.params.user)}`);
  }
}

class Pages extends ParallelBatchFlow<Got> {
  override prep() {
    return [
      { url: "a", ms: 120 },
      { url: "b", ms: 40 },
      { url: "c", ms: 80, user: "grace" },
    ];
  }
}

/** run(), failing with what a crash of the learner's batch machinery most likely means. */
const runPages = (flow: Pages, shared: Got) =>
  explained(
    flow.run(shared),
    "run",
    "no sub-flow fails here, so the error comes from the batch machinery. With maxConcurrency Infinity " +
      "(the default), Array.from({ length: limit }) throws RangeError: check for limit >= items.length " +
      "first, and start Math.max(1, limit) lanes only below it.",
  );

describe("ParallelBatchFlow", () => {
  // Order, not the clock: when every sub-flow starts before the first one ends, the batch takes as long
  // as its longest run, however slow or busy the machine is.
  it("runs the sub-flows concurrently: total time ≈ the longest one", async () => {
    const start = new Fetch();
    const flow = new Pages(start);
    flow.setParams({ user: "ada" });
    const shared: Got = { got: [] };
    await runPages(flow, shared);
    expect(
      start.gauge.startedBeforeFirstEnd(),
      `all 3 sub-flows should start before the first one ends (seen: ${start.gauge.events.join(", ")})`,
    ).toBe(3);
    expect(
      shared.got.map((entry) => entry[0]),
      "the shortest run finishes first",
    ).toEqual(["b", "c", "a"]);
  });

  it("gives each concurrent run its own params, merged over the flow's (the item wins)", async () => {
    const flow = new Pages(new Fetch());
    flow.setParams({ user: "ada" });
    const shared: Got = { got: [] };
    await runPages(flow, shared);
    expect(shared.got.sort(), "no run's params leak into another's across an await").toEqual([
      "a=a for ada",
      "b=b for ada",
      "c=c for grace",
    ]);
    expect(flow.params, "the flow's own params are unchanged").toEqual({ user: "ada" });
  });

  it("never runs more than maxConcurrency sub-flows at once", async () => {
    const meter = inFlightGauge();
    class Tracked extends Node {
      override exec() {
        return meter.around(() => delay(10));
      }
    }
    class Many extends ParallelBatchFlow {
      override prep() {
        return Array.from({ length: 8 }, (_, i) => ({ i }));
      }
    }
    const flow = new Many(new Tracked(), { maxConcurrency: 2 });
    expect(flow.maxConcurrency).toBe(2);
    await flow.run({});
    expect(meter.peak, "maxConcurrency 2: two sub-flows at a time").toBe(2);
  });

  it("leaves a plain BatchFlow sequential: its maxConcurrency is 1", async () => {
    const meter = inFlightGauge();
    class Tracked extends Node {
      override exec() {
        return meter.around(() => delay(10));
      }
    }
    class Three extends BatchFlow {
      override prep() {
        return [{}, {}, {}];
      }
    }
    const flow = new Three(new Tracked());
    expect(flow.maxConcurrency, "BatchFlow has maxConcurrency 1; only ParallelBatchFlow raises it").toBe(1);
    await flow.run({});
    expect(meter.peak, "a plain BatchFlow runs one sub-flow at a time").toBe(1);
  });
});
