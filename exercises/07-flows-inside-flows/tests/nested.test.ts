// Flows inside flows: a flow's post returns its last action, so a flow can be one branching step of another.
import { afterEach, describe, expect, it, vi } from "vitest";
import { Flow, Node } from "../pocketflow";
import { captureWarnings } from "./helpers";

type Trail = { trail: string[] };

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

describe("a flow's result", () => {
  it("is the last action: run resolves to what the last node's post returned", async () => {
    const a = new Step("a", "next please");
    a.on("next please", new Step("b", "finished"));
    await expect(new Flow(a).run({ trail: [] }), 'b, the last node, returned "finished"').resolves.toBe(
      "finished",
    );
  });

  it("is undefined when the last node returns no action", async () => {
    const a = new Step("a");
    a.next(new Step("b"));
    await expect(new Flow(a).run({ trail: [] })).resolves.toBeUndefined();
  });

  it("can still be changed by a Flow subclass that overrides post", async () => {
    class Renames extends Flow<Trail> {
      override post(_shared: Trail, _prepRes: unknown, lastAction: string | undefined) {
        return lastAction === "ok" ? "approved" : "rejected";
      }
    }
    await expect(new Renames(new Step("check", "ok")).run({ trail: [] })).resolves.toBe("approved");
  });
});

describe("nested flows", () => {
  it("runs an inner flow as one step of an outer flow", async () => {
    const innerStart = new Step("inner 1");
    innerStart.next(new Step("inner 2"));
    const before = new Step("before");
    before.next(new Flow(innerStart)).next(new Step("after"));
    const shared: Trail = { trail: [] };
    await new Flow(before).run(shared);
    expect(shared.trail, "the inner flow runs whole, then the outer flow goes on").toEqual([
      "before",
      "inner 1",
      "inner 2",
      "after",
    ]);
  });

  it("lets the outer flow branch on the inner flow's last action", async () => {
    for (const verdict of ["approved", "rejected"]) {
      const inner = new Flow(new Step("check", verdict));
      inner.on("approved", new Step("ship"));
      inner.on("rejected", new Step("return"));
      const shared: Trail = { trail: [] };
      await new Flow(inner).run(shared);
      const expected = verdict === "approved" ? "ship" : "return";
      expect(shared.trail, `the inner flow ended with "${verdict}", so ${expected} runs`).toEqual([
        "check",
        expected,
      ]);
    }
  });

  it("hangs successors on the flow object, not on its inner nodes", () => {
    const innerStart = new Step("inner");
    const inner = new Flow(innerStart);
    const next = new Step("next");
    inner.next(next);
    expect(inner.successors.get("default")).toBe(next);
    expect(innerStart.successors.size).toBe(0);
  });

  it("hands the outer flow's params down to the inner flow's nodes", async () => {
    const seen: unknown[] = [];
    class ReadsParams extends Node {
      override prep() {
        seen.push(this.params.user);
      }
    }
    const outer = new Flow(new Flow(new ReadsParams()));
    outer.setParams({ user: "ada" });
    await outer.run({});
    expect(seen, "outer params → the inner flow (a node) → its nodes").toEqual(["ada"]);
  });

  it("nests three levels deep and returns the innermost last action to the top", async () => {
    const top = new Flow(new Flow(new Flow(new Step("deep", "deep done"))));
    const shared: Trail = { trail: [] };
    await expect(top.run(shared)).resolves.toBe("deep done");
    expect(shared.trail).toEqual(["deep"]);
  });

  it("warns when the inner flow ends with an action the outer flow has no link for", async () => {
    const warn = captureWarnings();
    const inner = new Flow(new Step("pay", "declined"));
    inner.on("paid", new Step("receipt"));
    const shared: Trail = { trail: [] };
    await new Flow(inner).run(shared);
    expect(shared.trail).toEqual(["pay"]);
    const message = "Flow ends: 'declined' not found in ['paid']";
    expect(warn, `console.warn("${message}")`).toHaveBeenCalledWith(message);
  });
});
