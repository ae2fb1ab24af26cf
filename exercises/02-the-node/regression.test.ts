// What exercise 2 built, checked again by every later part-1 suite (mounted at tests/earlier/).
import { describe, expect, it } from "vitest";
import { BaseNode, Node } from "../../pocketflow";

describe("earlier exercises", () => {
  it("exercise 2: runs prep → exec → post, awaits async hooks, and resolves to post's action", async () => {
    type Store = { input: number; log: string[] };
    class Double extends Node<Store, number, number> {
      override async prep(shared: Store) {
        shared.log.push("prep");
        return shared.input;
      }
      override exec(value: number) {
        return value * 2;
      }
      override async post(shared: Store, prepRes: number, execRes: number) {
        shared.log.push(`post got ${prepRes} and ${execRes}`);
        return "doubled";
      }
    }
    const shared: Store = { input: 21, log: [] };
    await expect(new Double().run(shared), "run resolves to post's action").resolves.toBe("doubled");
    expect(shared.log).toEqual(["prep", "post got 21 and 42"]);
    await expect(new BaseNode().run({}), "a bare node resolves to undefined").resolves.toBeUndefined();
  });
});
