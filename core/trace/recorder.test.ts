// The tracer records each node run of a flow: class, params, action, time, changes to the store.
import { describe, expect, it } from "vitest";
import { Flow, Node } from "../index";
import { captureWarnings } from "../test-helpers";
import { Tracer, type TraceStep } from "./recorder";
import { marker } from "./snapshot";

type Store = { question: string; findings: string[]; answer?: string; log?: string[] };

/** A clock the nodes move themselves, so durations are exact and never depend on the machine. */
const clock = { ms: 0 };
const tracerOptions = { now: () => clock.ms };

class Decide extends Node<Store, number, string> {
  override prep(shared: Store) {
    return shared.findings.length;
  }
  override exec(found: number) {
    clock.ms += 10;
    return found < 2 ? "search" : "answer";
  }
  override post(_shared: Store, _found: number, action: string) {
    return action;
  }
}

class Search extends Node<Store> {
  override post(shared: Store) {
    shared.findings.push(`finding ${shared.findings.length + 1}`);
    return "decide";
  }
}

class Answer extends Node<Store> {
  override post(shared: Store) {
    shared.answer = shared.findings.join(" + ");
    return "done";
  }
}

function agent() {
  const decide = new Decide();
  decide.on("search", new Search()).on("decide", decide);
  decide.on("answer", new Answer());
  return new Flow<Store>(decide);
}

const summary = (steps: TraceStep[]) => steps.map((step) => `${step.node} → ${step.action ?? "(none)"}`);

describe("recording a run", () => {
  it("records every node that ran, in order, with its class name and the action it returned", async () => {
    const tracer = new Tracer(tracerOptions);
    await tracer.attach(agent()).run({ question: "Q", findings: [] });
    expect(summary(tracer.steps)).toEqual([
      "Flow → done",
      "Decide → search",
      "Search → decide",
      "Decide → search",
      "Search → decide",
      "Decide → answer",
      "Answer → done",
    ]);
  });

  it("records what each step changed in the shared store, and the store before the run", async () => {
    const tracer = new Tracer(tracerOptions);
    await tracer.attach(agent()).run({ question: "Q", findings: [] });
    const [run, firstDecide, firstSearch] = tracer.steps;
    expect(run?.storeBefore).toEqual({ question: "Q", findings: [] });
    expect(firstDecide?.changes, "Decide writes nothing").toEqual([]);
    expect(firstSearch?.changes).toEqual([{ path: "findings[0]", kind: "added", after: "finding 1" }]);
    expect(tracer.steps.at(-1)?.changes).toEqual([
      { path: "answer", kind: "added", after: "finding 1 + finding 2" },
    ]);
    expect(firstDecide?.storeBefore, "only steps at the top keep the store before them").toBeUndefined();
  });

  it("records the params the flow gave each node", async () => {
    const flow = agent();
    flow.setParams({ user: "ada" });
    const tracer = new Tracer(tracerOptions);
    await tracer.attach(flow).run({ question: "Q", findings: [] });
    expect(tracer.steps.map((step) => step.params)).toEqual(Array(7).fill({ user: "ada" }));
  });

  it("times each step from the start of prep to the end of post", async () => {
    clock.ms = 1000;
    const tracer = new Tracer(tracerOptions);
    await tracer.attach(agent()).run({ question: "Q", findings: [] });
    expect(tracer.steps.map((step) => step.durationMs)).toEqual([30, 10, 0, 10, 0, 10, 0]);
    expect(tracer.steps.map((step) => step.startMs)).toEqual([0, 0, 10, 10, 20, 20, 30]);
  });

  it("links each step to the flow it ran in", async () => {
    const tracer = new Tracer(tracerOptions);
    await tracer.attach(agent()).run({ question: "Q", findings: [] });
    expect(tracer.steps.map((step) => [step.kind, step.parent, step.depth])).toEqual([
      ["flow", undefined, 0],
      ...Array(6).fill(["node", 0, 1]),
    ]);
  });
});

describe("the tracer does not change the run", () => {
  it("returns the same action and leaves the same store as an untraced run", async () => {
    const plain: Store = { question: "Q", findings: [] };
    const traced: Store = { question: "Q", findings: [] };
    const untracedAction = await agent().run(plain);
    const tracedAction = await new Tracer(tracerOptions).attach(agent()).run(traced);
    expect(tracedAction).toBe(untracedAction);
    expect(traced).toEqual(plain);
  });

  it("keeps hooks that are set on the node itself", async () => {
    const node = new Node<Store>();
    node.post = (shared: Store) => {
      shared.answer = "own post";
      return "custom";
    };
    const tracer = new Tracer(tracerOptions);
    const shared: Store = { question: "Q", findings: [] };
    expect(await tracer.attach(new Flow(node)).run(shared)).toBe("custom");
    expect(shared.answer).toBe("own post");
    expect(tracer.steps[1]?.action).toBe("custom");
  });

  it("counts a subclass's call of super.prep() as part of the same step", async () => {
    class Counted extends Node<Store> {
      override prep(shared: Store) {
        shared.findings.push("counted");
      }
    }
    class Child extends Counted {
      override async prep(shared: Store) {
        await Promise.resolve();
        super.prep(shared);
      }
    }
    const tracer = new Tracer(tracerOptions);
    const shared: Store = { question: "Q", findings: [] };
    await tracer.attach(new Flow(new Child())).run(shared);
    expect(shared.findings).toEqual(["counted"]);
    expect(tracer.steps.map((step) => [step.node, step.status])).toEqual([
      ["Flow", "done"],
      ["Child", "done"],
    ]);
  });

  it("can run the same traced flow twice, recording both runs", async () => {
    const flow = new Tracer(tracerOptions).attach(agent());
    const tracer = new Tracer(tracerOptions);
    tracer.attach(flow); // a second tracer takes over the nodes
    await flow.run({ question: "Q", findings: [] });
    await flow.run({ question: "Q", findings: [] });
    expect(tracer.steps.filter((step) => step.depth === 0)).toHaveLength(2);
    expect(tracer.steps).toHaveLength(14);
  });
});

describe("retries and failures", () => {
  class Flaky extends Node<Store> {
    calls = 0;
    constructor(private readonly failures: number) {
      super({ maxRetries: 3 });
    }
    override exec() {
      this.calls += 1;
      if (this.curRetry < this.failures) throw new Error(`attempt ${this.curRetry + 1} failed`);
      return "ok";
    }
    override post() {
      return "next";
    }
  }

  it("counts exec calls and keeps the errors of the ones that threw", async () => {
    const tracer = new Tracer(tracerOptions);
    await tracer.attach(new Flow(new Flaky(2))).run({ question: "Q", findings: [] });
    const step = tracer.steps[1];
    expect(step?.execCalls).toBe(3);
    expect(step?.execErrors).toEqual(["attempt 1 failed", "attempt 2 failed"]);
    expect(step?.status).toBe("done");
  });

  it("marks a step failed when its prep or post throws", async () => {
    class Broken extends Node<Store> {
      override post(): string {
        throw new Error("post broke");
      }
    }
    const tracer = new Tracer(tracerOptions);
    const flow = tracer.attach(new Flow(new Broken()));
    await expect(flow.run({ question: "Q", findings: [] })).rejects.toThrow("post broke");
    expect(tracer.steps[1]).toMatchObject({ node: "Broken", status: "failed", error: "post broke" });
  });

  it("closes the steps a failed run left open, with the last error exec threw", async () => {
    const tracer = new Tracer(tracerOptions);
    const flow = tracer.attach(new Flow(new Flaky(5)));
    await expect(flow.run({ question: "Q", findings: [] })).rejects.toThrow("attempt 3 failed");
    expect(tracer.steps.map((step) => step.status)).toEqual(["running", "running"]);
    tracer.finish();
    expect(tracer.steps.map((step) => [step.node, step.status, step.error])).toEqual([
      ["Flow", "failed", "it did not finish"],
      ["Flaky", "failed", "attempt 3 failed"],
    ]);
  });
});

describe("keeping traces small", () => {
  class Loop extends Node<{ turns: number }> {
    override post(shared: { turns: number }) {
      shared.turns += 1;
      return shared.turns < 50 ? "again" : "stop";
    }
  }

  it("records at most maxSteps steps and counts the rest", async () => {
    const loop = new Loop();
    loop.on("again", loop);
    const tracer = new Tracer({ ...tracerOptions, maxSteps: 10 });
    const warn = captureWarnings(); // "stop" has no successor: the flow ends, as intended
    await tracer.attach(new Flow(loop)).run({ turns: 0 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(tracer.steps).toHaveLength(10);
    expect(tracer.dropped).toBe(41); // 50 runs of Loop and the flow, less the 10 recorded
  });

  it("hands over the steps with take() and starts afresh", async () => {
    const tracer = new Tracer(tracerOptions);
    const flow = tracer.attach(agent());
    await flow.run({ question: "Q", findings: [] });
    const first = tracer.take();
    expect(first.steps).toHaveLength(7);
    expect(tracer.steps).toEqual([]);
    await flow.run({ question: "Q", findings: ["x", "y"] });
    expect(summary(tracer.steps)).toEqual(["Flow → done", "Decide → answer", "Answer → done"]);
    expect(tracer.steps[0]?.index).toBe(0);
  });

  it("shows injected functions in the store as markers", async () => {
    const tracer = new Tracer(tracerOptions);
    const warn = captureWarnings();
    await tracer.attach(new Node()).run({ llm: function callModel() {} });
    expect(warn).not.toHaveBeenCalled();
    expect(tracer.steps[0]?.storeBefore).toEqual({ llm: marker("ƒ callModel") });
  });
});
