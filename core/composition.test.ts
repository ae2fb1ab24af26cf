// Flows inside flows: a flow is a node, so it can be linked, nested and branched on.
import { describe, expect, it } from "vitest";
import { Flow, Node } from "./index";

type Trail = { trail: string[] };

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

describe("nested flows", () => {
  it("runs an inner flow as one step of an outer flow", async () => {
    const innerStart = new Step("inner 1");
    innerStart.next(new Step("inner 2"));
    const inner = new Flow(innerStart);
    const before = new Step("before");
    before.next(inner).next(new Step("after"));
    const shared: Trail = { trail: [] };
    await new Flow(before).run(shared);
    expect(shared.trail, "the inner flow runs whole as one step, then the outer flow goes on").toEqual([
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
      expect(
        shared.trail,
        `the inner flow ended with "${verdict}" (its post returns it), so ${expected} runs`,
      ).toEqual(["check", expected]);
    }
  });

  it("hangs successors on the flow object, not on its inner nodes", () => {
    const innerStart = new Step("inner");
    const inner = new Flow(innerStart);
    const next = new Step("next");
    inner.next(next);
    expect(inner.successors.get("default"), "the link belongs to the flow object").toBe(next);
    expect(innerStart.successors.size, "the inner start node gains no link").toBe(0);
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
    const deepest = new Flow(new Step("deep", "deep done"));
    const middle = new Flow(deepest);
    const top = new Flow(middle);
    const shared: Trail = { trail: [] };
    await expect(top.run(shared), "each flow's post passes the last action up").resolves.toBe("deep done");
    expect(shared.trail).toEqual(["deep"]);
  });
});
