// Retries and fallback: only exec is retried; curRetry counts from 0; wait is in seconds.
import { describe, expect, it } from "vitest";
import { Node } from "./index";
import { explained, retryTimeline } from "./test-helpers";

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

/** run(), failing with the attempts made when exec's scripted failure escaped although attempts were left. */
const runRetried = (node: Flaky, shared: { result?: string } = {}) =>
  explained(
    node.run(shared),
    "run",
    () =>
      `exec failed on purpose on its first ${node.failures} attempt(s), which maxRetries ${node.maxRetries} ` +
      `allows to retry, yet the error escaped after attempts [${node.attempts.join(", ")}]. ` +
      "Does _attempt catch exec's error (thrown or rejected) and call itself again with retry + 1?",
  );

describe("retries", () => {
  it("retries exec until it succeeds, within maxRetries", async () => {
    const node = new Flaky(2, { maxRetries: 3 });
    const shared: { result?: string } = {};
    await runRetried(node, shared);
    expect(shared.result, "the third attempt succeeded, and post stored its result").toBe("input ok");
    expect(node.attempts, "two failures, then a success: 3 calls of exec").toHaveLength(3);
  });

  it("counts curRetry from 0", async () => {
    const node = new Flaky(2, { maxRetries: 5 });
    await runRetried(node);
    expect(node.attempts, "curRetry as exec saw it on each attempt: 0 first, then 1, 2").toEqual([0, 1, 2]);
  });

  it("runs prep and post once, however often exec is retried", async () => {
    const node = new Flaky(3, { maxRetries: 4 });
    await runRetried(node);
    expect(node.calls, "only exec is retried; prep and post run once per run").toEqual({ prep: 1, post: 1 });
  });

  it("does not retry by default (maxRetries = 1, wait = 0)", async () => {
    const node = new Flaky(1);
    expect(node.maxRetries, "new Node() makes one attempt").toBe(1);
    expect(node.wait, "and does not wait").toBe(0);
    await expect(node.run({}), "with no attempt left, run rejects with exec's error").rejects.toThrow(
      "attempt 1 failed",
    );
    expect(node.attempts, "one attempt, with curRetry 0").toEqual([0]);
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
    await runRetried(node, shared);
    expect(node.attempts, "a promise that rejects counts as a failed attempt").toEqual([0, 1]);
    expect(shared.result).toBe("input ok");
  });

  it("waits `wait` seconds between attempts, not after the last", async () => {
    const timeline = retryTimeline(50);
    class Timed extends Flaky {
      override exec(input: string) {
        timeline.attempt();
        return super.exec(input);
      }
    }
    await timeline.settle(new Timed(10, { maxRetries: 3, wait: 0.05 }).run({}));
    const problems = timeline.problems();
    expect(
      problems,
      `wait: 0.05 means 50 ms before each retry, none after the last. ${problems.join(" ")}`,
    ).toEqual([]);
    expect(
      timeline.events.filter((event) => event.startsWith("attempt")),
      "3 attempts",
    ).toHaveLength(3);
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
    await explained(
      node.run(shared),
      "run",
      "every attempt failed and execFallback returns an answer, so run should resolve: " +
        "after the last attempt, does _attempt call execFallback(input, error) instead of throwing?",
    );
    expect(seen, "execFallback gets exec's input and the error of the 3rd, last attempt").toEqual([
      ["input", "attempt 3 failed"],
    ]);
    expect(shared.result, "post receives the fallback's result in place of exec's").toBe("fallback answer");
  });

  it("re-throws the last error by default, so run rejects", async () => {
    const node = new Flaky(10, { maxRetries: 2 });
    await expect(node.run({}), "the default execFallback throws the last error").rejects.toThrow(
      "attempt 2 failed",
    );
  });

  it("may be async", async () => {
    class AsyncGuarded extends Flaky {
      override async execFallback() {
        await Promise.resolve();
        return "later";
      }
    }
    const shared: { result?: string } = {};
    await explained(new AsyncGuarded(5, { maxRetries: 2 }).run(shared), "run", "is the fallback awaited?");
    expect(shared.result, "post receives the async fallback's resolved value").toBe("later");
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
    expect(received, "a thrown string is wrapped: new Error(String(thrown))").toBeInstanceOf(Error);
    expect((received as Error).message, "the wrapped error keeps the thrown text").toBe("plain string");
  });
});
