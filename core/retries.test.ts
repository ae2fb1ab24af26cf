// Retries and fallback: only exec is retried; curRetry counts from 0; wait is in seconds.
import { describe, expect, it } from "vitest";
import { Node } from "./index";

/** A node whose exec fails `failures` times before it succeeds, recording every attempt. */
class Flaky extends Node<{ result?: string }, string, string> {
  attempts: number[] = [];
  calls = { prep: 0, post: 0 };
  failures: number;

  constructor(failures: number, options: { maxRetries?: number; wait?: number } = {}) {
    super(options);
    this.failures = failures;
  }
  override prep() {
    this.calls.prep += 1;
    return "input";
  }
  override exec(input: string): string | Promise<string> {
    this.attempts.push(this.curRetry);
    if (this.attempts.length <= this.failures) throw new Error(`attempt ${this.attempts.length} failed`);
    return `${input} ok`;
  }
  override post(shared: { result?: string }, _prepRes: string, execRes: string) {
    this.calls.post += 1;
    shared.result = execRes;
  }
}

describe("retries", () => {
  it("retries exec until it succeeds, within maxRetries", async () => {
    const node = new Flaky(2, { maxRetries: 3 });
    const shared: { result?: string } = {};
    await node.run(shared);
    expect(shared.result).toBe("input ok");
    expect(node.attempts).toHaveLength(3);
  });

  it("counts curRetry from 0", async () => {
    const node = new Flaky(2, { maxRetries: 5 });
    await node.run({});
    expect(node.attempts).toEqual([0, 1, 2]);
  });

  it("runs prep and post once, however often exec is retried", async () => {
    const node = new Flaky(3, { maxRetries: 4 });
    await node.run({});
    expect(node.calls).toEqual({ prep: 1, post: 1 });
  });

  it("does not retry by default (maxRetries = 1, wait = 0)", async () => {
    const node = new Flaky(1);
    expect(node.maxRetries).toBe(1);
    expect(node.wait).toBe(0);
    await expect(node.run({})).rejects.toThrow("attempt 1 failed");
    expect(node.attempts).toEqual([0]);
  });

  it("retries async exec rejections the same way", async () => {
    class AsyncFlaky extends Flaky {
      override async exec(input: string) {
        await Promise.resolve();
        return super.exec(input);
      }
    }
    const node = new AsyncFlaky(1, { maxRetries: 2 });
    const shared: { result?: string } = {};
    await node.run(shared);
    expect(node.attempts).toEqual([0, 1]);
    expect(shared.result).toBe("input ok");
  });

  it("waits `wait` seconds between attempts, not after the last", async () => {
    const node = new Flaky(2, { maxRetries: 3, wait: 0.05 });
    const started = performance.now();
    await node.run({});
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe("fallback", () => {
  it("calls execFallback with prep's result and the last error once every attempt failed", async () => {
    const seen: [string, string][] = [];
    class Guarded extends Flaky {
      override execFallback(input: string, error: Error) {
        seen.push([input, error.message]);
        return "fallback answer";
      }
    }
    const node = new Guarded(10, { maxRetries: 3 });
    const shared: { result?: string } = {};
    await node.run(shared);
    expect(seen).toEqual([["input", "attempt 3 failed"]]);
    expect(shared.result).toBe("fallback answer");
  });

  it("re-throws the last error by default, so run rejects", async () => {
    const node = new Flaky(10, { maxRetries: 2 });
    await expect(node.run({})).rejects.toThrow("attempt 2 failed");
  });

  it("may be async", async () => {
    class AsyncGuarded extends Flaky {
      override async execFallback() {
        await Promise.resolve();
        return "later";
      }
    }
    const shared: { result?: string } = {};
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
    expect(received).toBeInstanceOf(Error);
    expect((received as Error).message).toBe("plain string");
  });
});
