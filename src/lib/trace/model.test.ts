// A trace from an engine's report is checked before the page shows it: a sandbox runs learner code.
import { describe, expect, it } from "vitest";
import { Flow, Node } from "../../../core/index";
import { Tracer } from "../../../core/trace";
import { readTestTrace } from "./model";

class Greet extends Node<{ greeting?: string }> {
  override post(shared: { greeting?: string }) {
    shared.greeting = "hello";
    return "greeted";
  }
}

async function realTrace() {
  const tracer = new Tracer();
  const shared: { greeting?: string; llm?: () => string } = { llm: () => "" };
  await tracer.attach(new Flow(new Greet())).run(shared);
  return JSON.parse(JSON.stringify(tracer.take())) as unknown; // as it arrives from a worker
}

describe("readTestTrace", () => {
  it("accepts a trace the tracer recorded, unchanged", async () => {
    const trace = await realTrace();
    expect(readTestTrace(trace)).toEqual(trace);
  });

  it("rejects what is not a trace", async () => {
    const trace = (await realTrace()) as { steps: Record<string, unknown>[]; dropped: number };
    const withStep = (change: Record<string, unknown>) => ({
      ...trace,
      steps: [{ ...trace.steps[0], ...change }],
    });
    expect(readTestTrace(undefined)).toBeUndefined();
    expect(readTestTrace({ steps: "no", dropped: 0 })).toBeUndefined();
    expect(readTestTrace(withStep({ depth: -1 })), "a negative depth").toBeUndefined();
    expect(readTestTrace(withStep({ parent: 5 })), "a parent after the step").toBeUndefined();
    expect(readTestTrace(withStep({ status: "exploded" })), "an unknown status").toBeUndefined();
    expect(
      readTestTrace(withStep({ changes: [{ path: "a", kind: "added", after: { x: Number.NaN } }] })),
    ).toBeUndefined();
  });

  it("cuts what is too long to show", async () => {
    const trace = (await realTrace()) as { steps: Record<string, unknown>[]; dropped: number };
    const long = {
      ...trace,
      steps: [{ ...trace.steps[0], node: "N".repeat(1000), error: "e".repeat(10_000) }],
    };
    const read = readTestTrace(long);
    expect(read?.steps[0]?.node).toHaveLength(200);
    expect(read?.steps[0]?.error).toHaveLength(4000);
  });
});
