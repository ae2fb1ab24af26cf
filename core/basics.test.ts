// The node on its own: prep → exec → post, successors, warnings and errors.
import { afterEach, describe, expect, it, vi } from "vitest";
import { BaseNode, Node } from "./index";
import { captureWarnings } from "./test-helpers";

type Shared = { input?: number; output?: number; log: string[] };

class Double extends Node<Shared, number, number> {
  override prep(shared: Shared) {
    shared.log.push("prep");
    return shared.input ?? 0;
  }
  override exec(value: number) {
    return value * 2;
  }
  override post(shared: Shared, prepRes: number, execRes: number) {
    shared.log.push(`post ${prepRes} → ${execRes}`);
    shared.output = execRes;
    return "doubled";
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a node's lifecycle", () => {
  it("runs prep, then exec with prep's result, then post with both results", async () => {
    const shared: Shared = { input: 21, log: [] };
    await new Double().run(shared);
    expect(shared.log).toEqual(["prep", "post 21 → 42"]);
    expect(shared.output).toBe(42);
  });

  it("returns the action that post returns", async () => {
    await expect(new Double().run({ input: 1, log: [] })).resolves.toBe("doubled");
  });

  it("returns undefined when post returns nothing", async () => {
    class Quiet extends Node<Shared> {
      override post(shared: Shared) {
        shared.log.push("posted");
      }
    }
    await expect(new Quiet().run({ log: [] })).resolves.toBeUndefined();
  });

  it("awaits async hooks and mixes them with sync ones", async () => {
    class Mixed extends Node<Shared, number, number> {
      override async prep(shared: Shared) {
        await Promise.resolve();
        return shared.input ?? 0;
      }
      override exec(value: number) {
        return value + 1;
      }
      override async post(shared: Shared, _prepRes: number, execRes: number) {
        shared.output = execRes;
        return "done";
      }
    }
    const shared: Shared = { input: 9, log: [] };
    await expect(new Mixed().run(shared)).resolves.toBe("done");
    expect(shared.output).toBe(10);
  });

  it("has default hooks that do nothing, so a bare node runs", async () => {
    await expect(new Node().run({})).resolves.toBeUndefined();
    await expect(new BaseNode().run({})).resolves.toBeUndefined();
  });

  it("always returns a promise from run, even with sync hooks", () => {
    expect(new Double().run({ log: [] })).toBeInstanceOf(Promise);
  });
});

describe("params", () => {
  it("start as an empty object and are replaced by setParams", () => {
    const node = new Node();
    expect(node.params).toEqual({});
    node.setParams({ file: "a.txt" });
    expect(node.params).toEqual({ file: "a.txt" });
  });
});

describe("successors", () => {
  it("next links the default action and returns the next node, so links chain", () => {
    const [a, b, c] = [new Node(), new Node(), new Node()];
    expect(a.next(b).next(c)).toBe(c);
    expect(a.successors.get("default")).toBe(b);
    expect(b.successors.get("default")).toBe(c);
  });

  it("next takes a named action", () => {
    const [review, pay] = [new Node(), new Node()];
    expect(review.next(pay, "approved")).toBe(pay);
    expect([...review.successors.keys()]).toEqual(["approved"]);
  });

  it("on(action, node) links like next(node, action) and returns the node", () => {
    const [review, pay, refuse] = [new Node(), new Node(), new Node()];
    expect(review.on("approved", pay)).toBe(pay);
    review.on("rejected", refuse);
    expect(review.successors.get("approved")).toBe(pay);
    expect(review.successors.get("rejected")).toBe(refuse);
  });

  it("warns when a link replaces an existing one for the same action", () => {
    const warn = captureWarnings();
    const [a, b, c] = [new Node(), new Node(), new Node()];
    a.on("retry", b);
    expect(warn).not.toHaveBeenCalled();
    a.on("retry", c);
    expect(warn).toHaveBeenCalledWith("Overwriting successor for action 'retry'");
    expect(a.successors.get("retry")).toBe(c);
  });

  it("running a node with successors warns and does not run them", async () => {
    const warn = captureWarnings();
    const second = new Double();
    const runSecond = vi.spyOn(second, "prep");
    const first = new Double();
    first.next(second);
    await first.run({ input: 1, log: [] });
    expect(warn).toHaveBeenCalledWith("Node won't run successors. Use Flow.");
    expect(runSecond).not.toHaveBeenCalled();
  });
});

describe("errors", () => {
  const failing = (hook: "prep" | "exec" | "post", asAsync: boolean) => {
    const node = new Node();
    const fail = () => {
      throw new Error(`${hook} failed`);
    };
    node[hook] = asAsync ? async () => fail() : fail;
    return node;
  };

  for (const hook of ["prep", "exec", "post"] as const) {
    for (const asAsync of [false, true]) {
      it(`rejects run when a ${asAsync ? "async" : "sync"} ${hook} throws`, async () => {
        await expect(failing(hook, asAsync).run({})).rejects.toThrow(`${hook} failed`);
      });
    }
  }

  it("does not call post when exec fails", async () => {
    const node = failing("exec", false);
    const post = vi.spyOn(node, "post");
    await expect(node.run({})).rejects.toThrow();
    expect(post).not.toHaveBeenCalled();
  });
});
