// What exercise 7 built, checked again by every later part-1 suite (mounted at tests/earlier/).
import { describe, expect, it } from "vitest";
import { Flow, Node } from "../../pocketflow";

describe("earlier exercises", () => {
  it("exercise 7: a flow resolves to its last action, so an outer flow can branch on an inner one", async () => {
    const trail: string[] = [];
    class Step extends Node {
      name: string;
      action: string | undefined;
      constructor(name: string, action?: string) {
        super();
        this.name = name;
        this.action = action;
      }
      override post() {
        trail.push(this.name);
        return this.action;
      }
    }
    await expect(new Flow(new Step("alone", "done")).run({})).resolves.toBe("done");
    const inner = new Flow(new Step("check", "rejected"));
    inner.on("approved", new Step("ship"));
    inner.on("rejected", new Step("return"));
    await new Flow(inner).run({});
    expect(trail).toEqual(["alone", "check", "return"]);
  });
});
