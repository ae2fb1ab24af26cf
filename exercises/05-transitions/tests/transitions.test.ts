// Successors: each node's "address book" from action to next node, filled by next and on.
import { afterEach, describe, expect, it, vi } from "vitest";
import { BaseNode, Node } from "../pocketflow";
import { captureWarnings } from "./helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("successors", () => {
  it("start as an empty Map on every new node", () => {
    const [a, b] = [new Node(), new BaseNode()];
    expect(a.successors, "successors is a Map from action to node").toBeInstanceOf(Map);
    expect(a.successors.size).toBe(0);
    expect(b.successors.size).toBe(0);
    expect(a.successors, "each node has its own Map").not.toBe(new Node().successors);
  });

  it('next(node) links the "default" action and returns the linked node', () => {
    const [a, b] = [new Node(), new Node()];
    expect(a.next(b), "next returns the node it linked, not this").toBe(b);
    expect(a.successors.get("default")).toBe(b);
    expect([...a.successors.keys()]).toEqual(["default"]);
  });

  it("next returns the linked node, so links chain: a.next(b).next(c)", () => {
    const [a, b, c] = [new Node(), new Node(), new Node()];
    a.next(b).next(c);
    expect(a.successors.get("default"), "a → b").toBe(b);
    expect(b.successors.get("default"), "b → c").toBe(c);
    expect(c.successors.size, "c links nowhere").toBe(0);
  });

  it("next(node, action) links a named action", () => {
    const [review, pay] = [new Node(), new Node()];
    review.next(pay, "approved");
    expect(review.successors.get("approved")).toBe(pay);
    expect(review.successors.has("default"), "a named link does not add a default one").toBe(false);
  });

  it("on(action, node) links like next(node, action) and returns the node", () => {
    const [review, pay, refuse] = [new Node(), new Node(), new Node()];
    expect(review.on("approved", pay), "on returns the node it linked").toBe(pay);
    review.on("rejected", refuse);
    expect(review.successors.get("approved"), '"approved" leads to pay').toBe(pay);
    expect(review.successors.get("rejected"), '"rejected" leads to refuse').toBe(refuse);
  });

  it("lets a node link back to itself or to an earlier node, making a loop", () => {
    const [draft, review] = [new Node(), new Node()];
    draft.next(review).on("revise", draft);
    review.on("polish", review);
    expect(review.successors.get("revise")).toBe(draft);
    expect(review.successors.get("polish")).toBe(review);
  });

  it("keeps each node's links to itself", () => {
    const [a, b, c] = [new Node(), new Node(), new Node()];
    a.next(b);
    expect(c.successors.size, "linking a must not add links to other nodes").toBe(0);
    expect(b.successors.size).toBe(0);
  });
});

describe("warnings", () => {
  it("warns when a link replaces an existing one for the same action, and keeps the new one", () => {
    const warn = captureWarnings();
    const [a, b, c] = [new Node(), new Node(), new Node()];
    a.on("retry", b);
    expect(warn, "the first link for an action is not a warning").not.toHaveBeenCalled();
    a.on("retry", c);
    expect(warn, "console.warn(\"Overwriting successor for action 'retry'\")").toHaveBeenCalledWith(
      "Overwriting successor for action 'retry'",
    );
    expect(a.successors.get("retry"), "the newer link wins").toBe(c);
  });

  it('warns about "default" too when next(node) is called twice', () => {
    const warn = captureWarnings();
    const a = new Node();
    a.next(new Node());
    a.next(new Node());
    expect(warn, "console.warn(\"Overwriting successor for action 'default'\")").toHaveBeenCalledWith(
      "Overwriting successor for action 'default'",
    );
  });

  it("does not warn when different actions lead to the same node", () => {
    const warn = captureWarnings();
    const [a, b] = [new Node(), new Node()];
    a.on("yes", b);
    a.on("maybe", b);
    expect(warn, "two different actions: nothing was overwritten").not.toHaveBeenCalled();
  });

  it("warns when run is called on a node with successors, and does not run them", async () => {
    const warn = captureWarnings();
    const [first, second] = [new Node(), new Node()];
    const secondPrep = vi.spyOn(second, "prep");
    first.on("approved", second);
    await first.run({});
    expect(warn, 'console.warn("Node won\'t run successors. Use Flow.")').toHaveBeenCalledWith(
      "Node won't run successors. Use Flow.",
    );
    expect(secondPrep, "run runs one node only; following links is a Flow's job").not.toHaveBeenCalled();
  });

  it("still resolves run to post's action when it warns", async () => {
    const warn = captureWarnings();
    class Review extends Node {
      override post() {
        return "approved";
      }
    }
    const review = new Review();
    review.next(new Node());
    await expect(review.run({})).resolves.toBe("approved");
    expect(warn).toHaveBeenCalledWith("Node won't run successors. Use Flow.");
  });

  it("does not warn when run is called on a node without successors", async () => {
    const warn = captureWarnings();
    await new Node().run({});
    expect(warn, "no successors, nothing to warn about").not.toHaveBeenCalled();
  });
});
