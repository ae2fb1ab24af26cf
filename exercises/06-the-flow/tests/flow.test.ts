// The flow: the orchestration loop that runs a node, reads its action and follows the matching link.
import { afterEach, describe, expect, it, vi } from "vitest";
import { Flow, Node } from "../pocketflow";
import { captureWarnings } from "./helpers";

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

const runTrail = async (flow: Flow<Trail>) => {
  const shared: Trail = { trail: [] };
  await flow.run(shared);
  return shared.trail;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a flow", () => {
  it("runs nodes along default links, in order", async () => {
    const a = new Step("a");
    a.next(new Step("b")).next(new Step("c"));
    expect(await runTrail(new Flow(a)), "a → b → c, each node once").toEqual(["a", "b", "c"]);
  });

  it("follows the action that post returns", async () => {
    const review = new Step("review", "approved");
    review.on("approved", new Step("pay"));
    review.on("rejected", new Step("refuse"));
    expect(await runTrail(new Flow(review)), 'review returned "approved", so pay runs next').toEqual([
      "review",
      "pay",
    ]);
  });

  it('treats an empty or missing action as "default"', async () => {
    for (const action of ["", undefined]) {
      const first = new Step("first", action);
      first.next(new Step("second"));
      expect(await runTrail(new Flow(first)), `action ${JSON.stringify(action)} means "default"`).toEqual([
        "first",
        "second",
      ]);
    }
  });

  it("can loop back to a node until post decides to stop", async () => {
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
    expect(shared.count, "the counter runs 5 times before it says stop").toBe(5);
    expect(shared.trail).toEqual(["end"]);
  });

  it("takes its start node from the constructor or from start(node), which returns the node", async () => {
    const a = new Step("a");
    expect(new Flow(a).startNode).toBe(a);
    const flow = new Flow<Trail>();
    expect(flow.start(a), "start returns the node, so you can chain .next(...) on it").toBe(a);
    expect(flow.startNode).toBe(a);
    a.next(new Step("b"));
    expect(await runTrail(flow)).toEqual(["a", "b"]);
  });

  it("with no start node, runs nothing and resolves", async () => {
    await expect(runTrail(new Flow())).resolves.toEqual([]);
  });

  it("calls its own prep and post around the nodes, and gives post the last action", async () => {
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
    const first = new Step("first", "go on");
    first.on("go on", new Step("last", "all done"));
    const flow = new Wrapped(first);
    const shared: Trail = { trail: [] };
    await expect(flow.run(shared), "run resolves to what the flow's post returns").resolves.toBe("wrapped");
    expect(shared.trail).toEqual(["flow prep", "first", "last", "flow post"]);
    expect(seen, "post(shared, prep's result, the action of the last node run)").toEqual([
      "prepared",
      "all done",
    ]);
  });

  it("awaits async nodes before moving on", async () => {
    class Slow extends Step {
      override async exec() {
        await new Promise((done) => setTimeout(done, 10));
      }
    }
    const a = new Slow("slow");
    a.next(new Step("after"));
    expect(await runTrail(new Flow(a)), "the next node starts only when the slow one is done").toEqual([
      "slow",
      "after",
    ]);
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

  it('runs linked nodes without the "Node won\'t run successors" warning', async () => {
    const warn = captureWarnings();
    const a = new Step("a");
    a.next(new Step("b"));
    await runTrail(new Flow(a));
    expect(warn, "the flow runs each node with _run, not run, so nothing warns").not.toHaveBeenCalled();
  });
});

describe("when no link matches", () => {
  it("ends the flow and warns, naming the action and the links that exist", async () => {
    const warn = captureWarnings();
    const review = new Step("review", "maybe");
    review.on("approved", new Step("pay"));
    review.on("rejected", new Step("refuse"));
    expect(await runTrail(new Flow(review))).toEqual(["review"]);
    const message = "Flow ends: 'maybe' not found in ['approved', 'rejected']";
    expect(warn, `console.warn("${message}")`).toHaveBeenCalledWith(message);

    const quiet = new Step("quiet");
    quiet.on("approved", new Step("pay"));
    await runTrail(new Flow(quiet));
    const named = "Flow ends: 'default' not found in ['approved']";
    expect(warn, `a missing action is named 'default': console.warn("${named}")`).toHaveBeenCalledWith(named);
  });

  it("ends quietly at a node with no successors", async () => {
    const warn = captureWarnings();
    await runTrail(new Flow(new Step("only", "anything")));
    expect(warn, "a node with no links is a normal end, not a mistake").not.toHaveBeenCalled();
  });
});
