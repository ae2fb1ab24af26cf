// Node: exec is retried up to maxRetries attempts, `wait` seconds apart, then execFallback takes over.
import { describe, expect, it } from "vitest";
import { Node, type MaybePromise, type NodeOptions } from "../pocketflow";

type Store = { result?: string };

/** exec fails its first `failures` attempts, then succeeds; every attempt's curRetry is recorded. */
class Flaky extends Node<Store, string, string> {
  attempts: number[] = [];
  calls = { prep: 0, post: 0 };
  failures: number;

  constructor(failures: number, options: NodeOptions = {}) {
    super(options);
    this.failures = failures;
  }
  override prep() {
    this.calls.prep += 1;
    return "input";
  }
  override exec(input: string): MaybePromise<string> {
    this.attempts.push(this.curRetry);
    if (this.attempts.length <= this.failures) throw new Error(`attempt ${this.attempts.length} failed`);
    return `${input} ok`;
  }
  override post(shared: Store, _prepRes: string, execRes: string) {
    this.calls.post += 1;
    shared.result = execRes;
  }
}

const elapsedMs = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work().catch(() => undefined);
  return performance.now() - started;
};

describe("retries", () => {
  it("stores maxRetries and wait from the options, defaulting to 1 and 0", () => {
    const plain = new Node();
    expect([plain.maxRetries, plain.wait], "new Node() has maxRetries 1 and wait 0").toEqual([1, 0]);
    const custom = new Node({ maxRetries: 3, wait: 0.5 });
    expect([custom.maxRetries, custom.wait]).toEqual([3, 0.5]);
    expect(plain.curRetry, "curRetry starts at 0").toBe(0);
  });

  it("retries exec until it succeeds, within maxRetries", async () => {
    const node = new Flaky(2, { maxRetries: 3 });
    const shared: Store = {};
    await node.run(shared);
    expect(node.attempts, "two failures then a success: 3 attempts").toHaveLength(3);
    expect(shared.result).toBe("input ok");
  });

  it("counts curRetry from 0: the first attempt is 0, the first retry is 1", async () => {
    const node = new Flaky(2, { maxRetries: 5 });
    await node.run({});
    expect(node.attempts, "curRetry seen by exec on each attempt").toEqual([0, 1, 2]);
  });

  it("stops after maxRetries attempts and rejects with the last error", async () => {
    const node = new Flaky(10, { maxRetries: 3 });
    await expect(node.run({})).rejects.toThrow("attempt 3 failed");
    expect(node.attempts, "maxRetries 3 means exactly 3 calls of exec").toEqual([0, 1, 2]);
  });

  it("does not retry by default: one failure rejects run", async () => {
    const node = new Flaky(1);
    const outcome = await node.run({}).then(
      () => "run resolved",
      (error: Error) => error.message,
    );
    expect(node.attempts, "maxRetries defaults to 1: exec runs once").toEqual([0]);
    expect(outcome, "with no attempt left and no fallback, run rejects with exec's error").toBe(
      "attempt 1 failed",
    );
  });

  it("runs prep and post once, however often exec is retried", async () => {
    const node = new Flaky(3, { maxRetries: 4 });
    await node.run({});
    expect(node.calls, "only exec is retried, never prep or post").toEqual({ prep: 1, post: 1 });
  });

  it("retries an async exec whose promise rejects", async () => {
    class AsyncFlaky extends Flaky {
      override async exec(input: string) {
        await Promise.resolve();
        return super.exec(input);
      }
    }
    const node = new AsyncFlaky(2, { maxRetries: 3 });
    const shared: Store = {};
    await node.run(shared);
    expect(node.attempts, "a rejected promise counts as a failed attempt").toEqual([0, 1, 2]);
    expect(shared.result).toBe("input ok");
  });

  it("waits `wait` seconds (not milliseconds) between attempts", async () => {
    const node = new Flaky(2, { maxRetries: 3, wait: 0.05 });
    const elapsed = await elapsedMs(() => node.run({}));
    expect(elapsed, "two waits of 0.05 s should take at least 100 ms").toBeGreaterThanOrEqual(95);
    expect(elapsed, "wait is in seconds: 0.05 means 50 ms").toBeLessThan(1000);
  });

  it("does not wait after the last attempt", async () => {
    const node = new Flaky(10, { maxRetries: 2, wait: 0.12 });
    const elapsed = await elapsedMs(() => node.run({}));
    expect(elapsed, "2 attempts have 1 wait (120 ms) between them").toBeGreaterThanOrEqual(115);
    expect(elapsed, "no wait should follow the last failed attempt (that would make 240 ms)").toBeLessThan(
      220,
    );
  });
});

describe("fallback", () => {
  it("calls execFallback once, with prep's result and the last error, after every attempt failed", async () => {
    const seen: [string, string][] = [];
    class Guarded extends Flaky {
      override execFallback(input: string, error: Error) {
        seen.push([input, error.message]);
        return "fallback answer";
      }
    }
    const shared: Store = {};
    await new Guarded(10, { maxRetries: 3 }).run(shared);
    expect(seen, "execFallback gets exec's input and the error of attempt 3").toEqual([
      ["input", "attempt 3 failed"],
    ]);
    expect(shared.result, "post receives the fallback's result in place of exec's").toBe("fallback answer");
  });

  it("is not called when an attempt succeeds", async () => {
    let called = false;
    class Guarded extends Flaky {
      override execFallback() {
        called = true;
        return "fallback";
      }
    }
    await new Guarded(1, { maxRetries: 2 }).run({});
    expect(called, "attempt 2 succeeded, so no fallback").toBe(false);
  });

  it("may be async", async () => {
    class AsyncGuarded extends Flaky {
      override async execFallback() {
        await Promise.resolve();
        return "later";
      }
    }
    const shared: Store = {};
    await new AsyncGuarded(5, { maxRetries: 2 }).run(shared);
    expect(shared.result).toBe("later");
  });

  it("receives an Error even when exec throws something else", async () => {
    let received: unknown;
    class ThrowsString extends Node {
      override exec(): never {
        throw "plain string";
      }
      override execFallback(_input: unknown, error: Error) {
        received = error;
      }
    }
    await new ThrowsString().run({});
    expect(received, "wrap a thrown non-Error in new Error(String(thrown))").toBeInstanceOf(Error);
    expect((received as Error).message).toBe("plain string");
  });
});
