// Each earlier exercise, in one test: what it built must still work now.
import { afterEach, describe, expect, it, vi } from "vitest";
import { BaseNode, Node } from "../pocketflow";
import { captureWarnings } from "./helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

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

  it("exercise 3: retries only exec, counting curRetry from 0, then falls back with the last error", async () => {
    const attempts: number[] = [];
    let preps = 0;
    class Flaky extends Node<unknown, string, string> {
      override prep() {
        preps += 1;
        return "input";
      }
      override exec(): string {
        attempts.push(this.curRetry);
        throw new Error(`attempt ${attempts.length} failed`);
      }
      override execFallback(input: string, error: Error) {
        return `${input}: ${error.message}`;
      }
      override post(_shared: unknown, _prepRes: string, execRes: string) {
        return execRes;
      }
    }
    await expect(new Flaky({ maxRetries: 3 }).run({}), "execFallback gets the last error").resolves.toBe(
      "input: attempt 3 failed",
    );
    expect(attempts, "curRetry on each attempt").toEqual([0, 1, 2]);
    expect(preps, "prep is not retried").toBe(1);
    class Plain extends Node {
      override exec() {
        throw new Error("no fallback");
      }
    }
    await expect(new Plain({ maxRetries: 2 }).run({}), "the default fallback re-throws").rejects.toThrow(
      "no fallback",
    );
  });

  it("exercise 4: setParams replaces a node's params, which its hooks read as this.params", async () => {
    class Reads extends Node {
      override post() {
        return String(this.params.file);
      }
    }
    const node = new Reads();
    expect(node.params, "params start empty").toEqual({});
    node.setParams({ file: "a.txt", user: "ada" });
    node.setParams({ file: "b.txt" });
    expect(node.params, "setParams replaces, it does not merge").toEqual({ file: "b.txt" });
    expect(new Node().params, "each node has its own params").toEqual({});
    await expect(node.run({})).resolves.toBe("b.txt");
  });

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
