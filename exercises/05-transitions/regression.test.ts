// What exercise 5 built, checked again by every later part-1 suite (mounted at tests/earlier/).
import { afterEach, describe, expect, it, vi } from "vitest";
import { Node } from "../../pocketflow";
import { captureWarnings } from "../helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("earlier exercises", () => {
  it("exercise 5: next and on link actions and return the linked node; replacing a link or running a linked node warns", async () => {
    const warn = captureWarnings();
    const [a, b, c] = [new Node(), new Node(), new Node()];
    expect(a.next(b), "next returns the linked node").toBe(b);
    expect(a.on("retry", c), "on returns the linked node").toBe(c);
    expect(a.successors.get("default")).toBe(b);
    expect(a.successors.get("retry")).toBe(c);
    expect(warn, "no link was replaced yet").not.toHaveBeenCalled();
    a.on("retry", b);
    expect(warn).toHaveBeenCalledWith("Overwriting successor for action 'retry'");
    await a.run({});
    expect(warn).toHaveBeenCalledWith("Node won't run successors. Use Flow.");
  });
});
