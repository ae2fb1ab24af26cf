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
    expect(shared.log, "prep runs first; post receives prep's 21 and exec's 42").toEqual([
      "prep",
      "post 21 → 42",
    ]);
    expect(shared.output, "post stored exec's result").toBe(42);
  });

  it("returns the action that post returns", async () => {
    await expect(new Double().run({ input: 1, log: [] }), "run resolves to post's action").resolves.toBe(
      "doubled",
    );
  });

  it("returns undefined when post returns nothing", async () => {
    class Quiet extends Node<Shared> {
      override post(shared: Shared) {
        shared.log.push("posted");
      }
    }
    await expect(
      new Quiet().run({ log: [] }),
      "no action from post: run resolves to undefined",
    ).resolves.toBeUndefined();
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
    await expect(new Mixed().run(shared), "async prep and post are awaited").resolves.toBe("done");
    expect(shared.output, "post receives exec's value, not a promise").toBe(10);
  });

  it("has default hooks that do nothing, so a bare node runs", async () => {
    await expect(new Node().run({}), "a bare Node runs and resolves to undefined").resolves.toBeUndefined();
    await expect(new BaseNode().run({}), "a bare BaseNode too").resolves.toBeUndefined();
  });

  it("always returns a promise from run, even with sync hooks", () => {
    expect(new Double().run({ log: [] }), "run is async: it returns a Promise").toBeInstanceOf(Promise);
  });
});

describe("params", () => {
  it("start as an empty object and are replaced by setParams", () => {
    const node = new Node();
    expect(node.params, "a new node has params {}").toEqual({});
    node.setParams({ file: "a.txt" });
    expect(node.params, "setParams replaces the params").toEqual({ file: "a.txt" });
    node.setParams({ user: "ada" });
    expect(node.params, "a second setParams replaces them again: it does not merge").toEqual({ user: "ada" });
  });
});

describe("successors", () => {
  it("next links the default action and returns the next node, so links chain", () => {
    const [a, b, c] = [new Node(), new Node(), new Node()];
    expect(a.next(b).next(c), "next returns the node it linked, so a.next(b).next(c) returns c").toBe(c);
    expect(a.successors.get("default"), 'a → b under "default"').toBe(b);
    expect(b.successors.get("default"), 'b → c under "default"').toBe(c);
  });

  it("next takes a named action", () => {
    const [review, pay] = [new Node(), new Node()];
    expect(review.next(pay, "approved"), "next returns the linked node").toBe(pay);
    expect([...review.successors.keys()], "a named link adds only that action").toEqual(["approved"]);
  });

  it("on(action, node) links like next(node, action) and returns the node", () => {
    const [review, pay, refuse] = [new Node(), new Node(), new Node()];
    expect(review.on("approved", pay), "on returns the linked node").toBe(pay);
    review.on("rejected", refuse);
    expect(review.successors.get("approved"), '"approved" leads to pay').toBe(pay);
    expect(review.successors.get("rejected"), '"rejected" leads to refuse').toBe(refuse);
  });

  it("warns when a link replaces an existing one for the same action", () => {
    const warn = captureWarnings();
    const [a, b, c] = [new Node(), new Node(), new Node()];
    a.on("retry", b);
    expect(warn, "the first link for an action is not a warning").not.toHaveBeenCalled();
    a.on("retry", c);
    expect(warn, "replacing a link warns, naming the action").toHaveBeenCalledWith(
      "Overwriting successor for action 'retry'",
    );
    expect(a.successors.get("retry"), "the newer link wins").toBe(c);
  });

  it("running a node with successors warns and does not run them", async () => {
    const warn = captureWarnings();
    const second = new Double();
    const runSecond = vi.spyOn(second, "prep");
    const first = new Double();
    first.next(second);
    await first.run({ input: 1, log: [] });
    expect(warn, "run on a linked node warns").toHaveBeenCalledWith("Node won't run successors. Use Flow.");
    expect(runSecond, "run runs one node; following links is a Flow's job").not.toHaveBeenCalled();
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
        await expect(failing(hook, asAsync).run({}), `run rejects with ${hook}'s error`).rejects.toThrow(
          `${hook} failed`,
        );
      });
    }
  }

  it("does not call post when exec fails", async () => {
    const node = failing("exec", false);
    const post = vi.spyOn(node, "post");
    await expect(node.run({}), "a failed exec rejects run").rejects.toThrow("exec failed");
    expect(post, "post must not run for a failed exec").not.toHaveBeenCalled();
  });
});
