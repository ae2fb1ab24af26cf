// BaseNode on its own: prep → exec → post, with sync or async hooks.
import { describe, expect, it, vi } from "vitest";
import { BaseNode, type MaybePromise } from "../pocketflow";

type Store = { input?: number; output?: number; log: string[] };

/** Logs every hook with what it received, so a test can check the order and the hand-offs. */
class Double extends BaseNode<Store, number, number> {
  override prep(shared: Store) {
    shared.log.push("prep");
    return shared.input ?? 0;
  }
  override exec(value: number): MaybePromise<number> {
    return value * 2;
  }
  override post(shared: Store, prepRes: number, execRes: number) {
    shared.log.push(`post got ${prepRes} and ${execRes}`);
    shared.output = execRes;
    return "doubled";
  }
}

/** The same node with every hook async. */
class AsyncDouble extends BaseNode<Store, number, number> {
  override async prep(shared: Store) {
    await Promise.resolve();
    return shared.input ?? 0;
  }
  override async exec(value: number) {
    await new Promise((done) => setTimeout(done, 5));
    return value * 2;
  }
  override async post(shared: Store, _prepRes: number, execRes: number) {
    await Promise.resolve();
    shared.output = execRes;
    return "doubled later";
  }
}

describe("a node's lifecycle", () => {
  it("runs prep, then exec with prep's result, then post with both results", async () => {
    const shared: Store = { input: 21, log: [] };
    await new Double().run(shared);
    expect(shared.log, "prep runs first, then post receives prep's 21 and exec's 42").toEqual([
      "prep",
      "post got 21 and 42",
    ]);
    expect(shared.output).toBe(42);
  });

  it("gives exec prep's result, not the shared store", async () => {
    const node = new Double();
    const exec = vi.spyOn(node, "exec");
    await node.run({ input: 5, log: [] });
    expect(exec, "exec should be called once, with the number prep returned").toHaveBeenCalledTimes(1);
    expect(exec).toHaveBeenCalledWith(5);
  });

  it("resolves run to the action that post returns", async () => {
    await expect(new Double().run({ input: 1, log: [] })).resolves.toBe("doubled");
  });

  it("resolves run to undefined when post returns nothing", async () => {
    class Quiet extends BaseNode<Store> {
      override post(shared: Store) {
        shared.log.push("posted");
      }
    }
    const shared: Store = { log: [] };
    await expect(new Quiet().run(shared)).resolves.toBeUndefined();
    expect(shared.log).toEqual(["posted"]);
  });

  it("has default hooks that do nothing, so a bare BaseNode runs", async () => {
    await expect(new BaseNode().run({})).resolves.toBeUndefined();
  });

  it("always returns a promise from run, even when every hook is sync", async () => {
    const result = new Double().run({ log: [] });
    expect(result, "run should be async and return a Promise").toBeInstanceOf(Promise);
    await result;
  });
});

describe("async hooks", () => {
  it("awaits async hooks and hands on their values, not promises", async () => {
    const shared: Store = { input: 4, log: [] };
    await expect(new AsyncDouble().run(shared)).resolves.toBe("doubled later");
    expect(shared.output, "post should receive exec's resolved 8, not a Promise").toBe(8);
  });

  it("mixes sync and async hooks in one node", async () => {
    class Mixed extends Double {
      override async exec(value: number) {
        await Promise.resolve();
        return value + 1;
      }
    }
    const shared: Store = { input: 9, log: [] };
    await expect(new Mixed().run(shared)).resolves.toBe("doubled");
    expect(shared.output).toBe(10);
  });

  it("keeps _run synchronous when every hook is sync: it returns the action itself", () => {
    const shared: Store = { input: 2, log: [] };
    const result = new Double()._run(shared);
    expect(result, "with only sync hooks, _run should return post's action, not a Promise").toBe("doubled");
    expect(shared.output, "_run should have finished all three hooks before returning").toBe(4);
  });

  it("returns a promise from _run as soon as one hook is async", async () => {
    const result = new AsyncDouble()._run({ input: 1, log: [] });
    expect(result, "an async hook makes _run return a Promise").toBeInstanceOf(Promise);
    await expect(result).resolves.toBe("doubled later");
  });
});

describe("errors", () => {
  for (const hook of ["prep", "exec", "post"] as const) {
    it(`rejects run with ${hook}'s error when ${hook} throws, sync or async`, async () => {
      for (const asAsync of [false, true]) {
        const node = new BaseNode();
        const fail = () => {
          throw new Error(`${asAsync ? "async" : "sync"} ${hook} failed`);
        };
        node[hook] = asAsync ? async () => fail() : fail;
        await expect(node.run({})).rejects.toThrow(`${asAsync ? "async" : "sync"} ${hook} failed`);
      }
    });
  }

  it("stops at the first failing hook: no exec after a failed prep, no post after a failed exec", async () => {
    const node = new BaseNode();
    const exec = vi.spyOn(node, "exec");
    node.prep = () => {
      throw new Error("prep failed");
    };
    await expect(node.run({})).rejects.toThrow("prep failed");
    expect(exec, "exec must not run when prep failed").not.toHaveBeenCalled();

    const other = new BaseNode();
    const post = vi.spyOn(other, "post");
    other.exec = async () => {
      throw new Error("exec failed");
    };
    await expect(other.run({})).rejects.toThrow("exec failed");
    expect(post, "post must not run when exec failed").not.toHaveBeenCalled();
  });
});
