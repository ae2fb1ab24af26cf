// A trace as text: one line per step, indented inside its flow, then the changes it made.
import { describe, expect, it } from "vitest";
import { BatchFlow, Flow, Node } from "../index";
import { formatTrace } from "./format";
import { Tracer } from "./recorder";

type Store = { findings: string[]; answer?: string };

class Decide extends Node<Store> {
  constructor() {
    super({ maxRetries: 2 });
  }
  override exec() {
    if (this.curRetry === 0) throw new Error("no ```yaml block");
    return "search";
  }
  override post(_shared: Store, _prep: unknown, action: string) {
    return action;
  }
}
class Search extends Node<Store> {
  override post(shared: Store) {
    shared.findings.push(`about ${String(this.params.topic)}`);
  }
}

describe("formatTrace", () => {
  it("prints each step with its params and action, its retries, and what it changed", async () => {
    const decide = new Decide();
    decide.on("search", new Search());
    const flow = new Flow<Store>(decide);
    flow.setParams({ topic: "nobel" });
    const tracer = new Tracer();
    await tracer.attach(flow).run({ findings: [] });
    expect(formatTrace(tracer.take().steps, { timings: false })).toEqual([
      '1. Flow { topic: "nobel" } → default',
      '  2. Decide { topic: "nobel" } → "search"',
      "       exec threw 1 time (last: no ```yaml block)",
      '  3. Search { topic: "nobel" } → default',
      '       + findings[0] = "about nobel"',
    ]);
  });

  it("marks a failed step and shows the time each step took", async () => {
    class Broken extends Node<Store> {
      override prep(): never {
        throw new Error("prep broke");
      }
    }
    const tracer = new Tracer({ now: () => 0 });
    await expect(tracer.attach(new BatchFlow<Store>(new Broken())).run({ findings: [] })).resolves.toBe(
      undefined,
    ); // an empty batch: Broken never runs
    await expect(tracer.attach(new Broken()).run({ findings: [] })).rejects.toThrow("prep broke");
    expect(formatTrace(tracer.take().steps)).toEqual([
      "1. BatchFlow → default  (0.0 ms)",
      "2. Broken ✗ failed: prep broke  (0.0 ms)",
    ]);
  });
});
