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
    expect(shared.trail).toEqual(["a", "b", "c"]);
  });

  it("follows the action that post returns", async () => {
    const review = new Step("review", "approved");
    review.on("approved", new Step("pay"));
    review.on("rejected", new Step("refuse"));
    const shared: Trail = { trail: [] };
    await new Flow(review).run(shared);
    expect(shared.trail).toEqual(["review", "pay"]);
  });

  it("treats an empty or missing action as 'default'", async () => {
    for (const action of ["", undefined]) {
      const first = new Step("first", action);
      first.next(new Step("second"));
      const shared: Trail = { trail: [] };
      await new Flow(first).run(shared);
      expect(shared.trail).toEqual(["first", "second"]);
    }
  });

  it("returns the last action, so callers can branch on a flow's result", async () => {
    const a = new Step("a");
    a.next(new Step("b", "finished"));
    await expect(new Flow(a).run({ trail: [] })).resolves.toBe("finished");
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
    expect(shared.count).toBe(5);
    expect(shared.trail).toEqual(["end"]);
  });

  it("start(node) sets the start node and returns it for chaining", async () => {
    const flow = new Flow<Trail>();
    const a = new Step("a");
    expect(flow.start(a)).toBe(a);
    expect(flow.startNode).toBe(a);
    a.next(new Step("b"));
    const shared: Trail = { trail: [] };
    await flow.run(shared);
    expect(shared.trail).toEqual(["a", "b"]);
  });

  it("with no start node, runs nothing and resolves to undefined", async () => {
    await expect(new Flow().run({ trail: [] })).resolves.toBeUndefined();
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
    await expect(new Wrapped(new Step("inner", "inner done")).run(shared)).resolves.toBe("wrapped");
    expect(shared.trail).toEqual(["flow prep", "inner", "flow post"]);
    expect(seen).toEqual(["prepared", "inner done"]);
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
    expect(shared.trail).toEqual(["slow", "after"]);
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
    await expect(new Flow(broken).run(shared)).rejects.toThrow("broken node");
    expect(shared.trail).toEqual([]);
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
    expect(shared.trail).toEqual(["review"]);
    expect(warn).toHaveBeenCalledWith("Flow ends: 'maybe' not found in ['approved', 'rejected']");
  });

  it("ends quietly at a node with no successors", async () => {
    const warn = captureWarnings();
    await new Flow(new Step("only", "anything")).run({ trail: [] });
    expect(warn).not.toHaveBeenCalled();
  });
});
