// Each earlier exercise, in one test: what it built must still work now.
import { afterEach, describe, expect, it, vi } from "vitest";
import { BatchFlow, BatchNode, BaseNode, Flow, Node } from "../pocketflow";
import { captureWarnings, delay } from "./helpers";

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

  it('exercise 6: a flow runs copies with its params, treats "" as "default", and warns at a dead end', async () => {
    const warn = captureWarnings();
    const trail: string[] = [];
    class Step extends Node {
      runs = 0;
      name: string;
      action: string;
      constructor(name: string, action: string) {
        super();
        this.name = name;
        this.action = action;
      }
      override prep() {
        this.runs += 1;
      }
      override post() {
        trail.push(`${this.name} for ${String(this.params.user)}`);
        return this.action;
      }
    }
    const a = new Step("a", "");
    const b = a.next(new Step("b", "maybe"));
    b.on("yes", new Step("c", ""));
    const flow = new Flow(a);
    flow.setParams({ user: "ada" });
    await flow.run({});
    expect(trail, 'a returned "" (default) → b; b returned "maybe", which leads nowhere').toEqual([
      "a for ada",
      "b for ada",
    ]);
    expect(warn).toHaveBeenCalledWith("Flow ends: 'maybe' not found in ['yes']");
    expect([a.runs, b.runs, b.params], "the graph's own nodes were not run").toEqual([0, 0, {}]);
  });

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

  it("exercise 8: BatchNode retries item by item; BatchFlow merges each item over the flow's params", async () => {
    const attempts: string[] = [];
    class Flaky extends BatchNode<{ out?: string[] }, string, string> {
      override prep() {
        return ["a", "b"];
      }
      override async exec(item: string) {
        attempts.push(`${item}#${this.curRetry}`);
        await delay(2);
        if (this.curRetry === 0) throw new Error("first attempt fails");
        return item.toUpperCase();
      }
      override post(shared: { out?: string[] }, _items: unknown, results: string[]) {
        shared.out = results;
      }
    }
    const shared: { out?: string[] } = {};
    await new Flaky({ maxRetries: 2 }).run(shared);
    expect(attempts, "one item after another, each from curRetry 0").toEqual(["a#0", "a#1", "b#0", "b#1"]);
    expect(shared.out).toEqual(["A", "B"]);

    const seen: string[] = [];
    class Record extends Node {
      override async exec() {
        await delay(2);
        seen.push(`${String(this.params.file)} by ${String(this.params.user)}`);
      }
    }
    class PerFile extends BatchFlow {
      override prep() {
        return [{ file: "a.txt" }, { file: "b.txt", user: "grace" }];
      }
    }
    const flow = new PerFile(new Record());
    flow.setParams({ user: "ada" });
    await flow.run({});
    expect(seen, "{ ...flow's params, ...item }: the item wins").toEqual(["a.txt by ada", "b.txt by grace"]);
    expect(flow.params, "the flow's own params are unchanged").toEqual({ user: "ada" });
  });
});
