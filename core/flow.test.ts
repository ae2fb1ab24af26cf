// The flow: the orchestration loop that follows actions from node to node.
import { afterEach, describe, expect, it, vi } from "vitest";
import { Flow, Node } from "./index";
import { captureWarnings } from "./test-helpers";

type Trail = { trail: string[]; count?: number };

/** Records its name in the shared trail and returns a fixed action. */
class Step extends Node<Trail> {
  name: string;
  action: string | undefined;
  constructor(name: string, action?: string) {
    super();
    this.name = name;
    this.action = action;
  }
  override post(shared: Trail) {
    shared.trail.push(this.name);
    return this.action;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a flow", () => {
  it("runs nodes along default links, in order", async () => {
    const a = new Step("a");
    a.next(new Step("b")).next(new Step("c"));
    const shared: Trail = { trail: [] };
    await new Flow(a).run(shared);
    expect(shared.trail, "a → b → c along default links, each node once").toEqual(["a", "b", "c"]);
  });

  it("follows the action that post returns", async () => {
    const review = new Step("review", "approved");
    review.on("approved", new Step("pay"));
    review.on("rejected", new Step("refuse"));
    const shared: Trail = { trail: [] };
    await new Flow(review).run(shared);
    expect(shared.trail, 'review returned "approved", so pay runs next').toEqual(["review", "pay"]);
  });

  it("treats an empty or missing action as 'default'", async () => {
    for (const action of ["", undefined]) {
      const first = new Step("first", action);
      first.next(new Step("second"));
      const shared: Trail = { trail: [] };
      await new Flow(first).run(shared);
      expect(shared.trail, `post returned ${JSON.stringify(action)}, which means "default"`).toEqual([
        "first",
        "second",
      ]);
    }
  });

  it("returns the last action, so callers can branch on a flow's result", async () => {
    const a = new Step("a");
    a.next(new Step("b", "finished"));
    await expect(new Flow(a).run({ trail: [] }), 'b, the last node, returned "finished"').resolves.toBe(
      "finished",
    );
  });

  it("can loop back to an earlier node until post decides to stop", async () => {
    class Counter extends Node<Trail> {
      override post(shared: Trail) {
        shared.count = (shared.count ?? 0) + 1;
        return shared.count < 5 ? "again" : "stop";
      }
    }
    const counter = new Counter();
    counter.on("again", counter);
    counter.on("stop", new Step("end"));
    const shared: Trail = { trail: [] };
    await new Flow(counter).run(shared);
    expect(shared.count, "the counter loops back to itself until its 5th run says stop").toBe(5);
    expect(shared.trail, '"stop" leads to end').toEqual(["end"]);
  });

  it("start(node) sets the start node and returns it for chaining", async () => {
    const flow = new Flow<Trail>();
    const a = new Step("a");
    expect(flow.start(a), "start returns the node, so you can chain .next(...) on it").toBe(a);
    expect(flow.startNode, "start sets startNode").toBe(a);
    a.next(new Step("b"));
    const shared: Trail = { trail: [] };
    await flow.run(shared);
    expect(shared.trail, "the flow starts at a").toEqual(["a", "b"]);
  });

  it("with no start node, runs nothing and resolves to undefined", async () => {
    await expect(new Flow().run({ trail: [] }), "an empty flow runs nothing").resolves.toBeUndefined();
  });

  it("calls its own prep and post around the nodes, post receiving the last action", async () => {
    const seen: unknown[] = [];
    class Wrapped extends Flow<Trail, string> {
      override prep(shared: Trail) {
        shared.trail.push("flow prep");
        return "prepared";
      }
      override post(shared: Trail, prepRes: string, lastAction: string | undefined) {
        seen.push(prepRes, lastAction);
        shared.trail.push("flow post");
        return "wrapped";
      }
    }
    const shared: Trail = { trail: [] };
    await expect(
      new Wrapped(new Step("inner", "inner done")).run(shared),
      "run resolves to what the flow's own post returns",
    ).resolves.toBe("wrapped");
    expect(shared.trail, "the flow's prep, then its nodes, then its post").toEqual([
      "flow prep",
      "inner",
      "flow post",
    ]);
    expect(seen, "the flow's post gets prep's result and the last node's action").toEqual([
      "prepared",
      "inner done",
    ]);
  });

  it("awaits async nodes before moving on", async () => {
    class Slow extends Step {
      override async exec() {
        await new Promise((done) => setTimeout(done, 5));
      }
    }
    const a = new Slow("slow");
    a.next(new Step("after"));
    const shared: Trail = { trail: [] };
    await new Flow(a).run(shared);
    expect(shared.trail, "the next node starts only once the async one is done").toEqual(["slow", "after"]);
  });

  it("rejects when a node fails, and runs no node after it", async () => {
    class Broken extends Step {
      override exec(): never {
        throw new Error("broken node");
      }
    }
    const broken = new Broken("broken");
    broken.next(new Step("never"));
    const shared: Trail = { trail: [] };
    await expect(new Flow(broken).run(shared), "a node's error rejects the flow's run").rejects.toThrow(
      "broken node",
    );
    expect(shared.trail, "no node runs after the one that failed").toEqual([]);
  });
});

describe("flow warnings", () => {
  it("warns when the action has no successor but others exist, naming them", async () => {
    const warn = captureWarnings();
    const review = new Step("review", "maybe");
    review.on("approved", new Step("pay"));
    review.on("rejected", new Step("refuse"));
    const shared: Trail = { trail: [] };
    await new Flow(review).run(shared);
    expect(shared.trail, '"maybe" leads nowhere, so the flow ends after review').toEqual(["review"]);
    const message = "Flow ends: 'maybe' not found in ['approved', 'rejected']";
    expect(warn, `console.warn("${message}")`).toHaveBeenCalledWith(message);

    const quiet = new Step("quiet");
    quiet.on("approved", new Step("pay"));
    await new Flow(quiet).run({ trail: [] });
    const named = "Flow ends: 'default' not found in ['approved']";
    expect(warn, `a missing action is named 'default': console.warn("${named}")`).toHaveBeenCalledWith(named);
  });

  it('runs linked nodes without the "Node won\'t run successors" warning', async () => {
    const warn = captureWarnings();
    const a = new Step("a");
    a.next(new Step("b"));
    await new Flow(a).run({ trail: [] });
    expect(warn, "the flow runs each node with _run, not run, so nothing warns").not.toHaveBeenCalled();
  });

  it("ends quietly at a node with no successors", async () => {
    const warn = captureWarnings();
    await new Flow(new Step("only", "anything")).run({ trail: [] });
    expect(warn, "a node with no links is a normal end, not a mistake").not.toHaveBeenCalled();
  });
});
