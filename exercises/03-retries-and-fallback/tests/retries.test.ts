// Node: exec is retried up to maxRetries attempts, `wait` seconds apart, then execFallback takes over.
import { describe, expect, it } from "vitest";
import { Node, type MaybePromise, type NodeOptions } from "../pocketflow";
import { explained, retryTimeline } from "./helpers";

type Store = { result?: string };

/** exec fails its first `failures` attempts, then succeeds; every attempt's curRetry is recorded. */
class Flaky extends Node<Store, string, string> {
  attempts: number[] = [];
  calls = { prep: 0, post: 0 };
  failures: number;
  /** Called at the start of every attempt, before exec's own work. */
  onAttempt = () => {};

  constructor(failures: number, options: NodeOptions = {}) {
    super(options);
    this.failures = failures;
  }
  override prep() {
    this.calls.prep += 1;
    return "input";
  }
  override exec(input: string): MaybePromise<string> {
    this.onAttempt();
    this.attempts.push(this.curRetry);
    if (this.attempts.length <= this.failures) throw new Error(`attempt ${this.attempts.length} failed`);
    return `${input} ok`;
  }
  override post(shared: Store, _prepRes: string, execRes: string) {
    this.calls.post += 1;
    shared.result = execRes;
  }
}

/** run(), failing with the attempts made when exec's scripted failure escaped although attempts were left. */
const runRetried = (node: Flaky, shared: Store = {}) =>
  explained(
    node.run(shared),
    "run",
    () =>
      `exec failed on purpose on its first ${node.failures} attempt(s), which maxRetries ${node.maxRetries} ` +
      `allows to retry, yet the error escaped after the attempts with curRetry [${node.attempts.join(", ")}]. ` +
      "Does _attempt catch exec's error (thrown, or a rejected promise) and call itself with retry + 1?",
  );

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
    await runRetried(node, shared);
    expect(node.attempts, "two failures then a success: 3 attempts").toHaveLength(3);
    expect(shared.result).toBe("input ok");
  });

  it("counts curRetry from 0: the first attempt is 0, the first retry is 1", async () => {
    const node = new Flaky(2, { maxRetries: 5 });
    await runRetried(node);
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
    await runRetried(node);
    expect(node.calls, "only exec is retried, never prep or post").toEqual({ prep: 1, post: 1 });
  });

  it("keeps a node with a sync exec synchronous, even across a retry: _run returns the action itself", () => {
    class Sync extends Flaky {
      override post(shared: Store, prepRes: string, execRes: string) {
        super.post(shared, prepRes, execRes);
        return "done";
      }
    }
    const shared: Store = {};
    expect(
      new Sync(1, { maxRetries: 2 })._run(shared),
      "a sync exec that fails once and then succeeds (wait 0) should give _run the action itself, not a " +
        "Promise: retry by calling _attempt again, not with a loop that awaits",
    ).toBe("done");
    expect(shared.result, "all three hooks ran before _run returned").toBe("input ok");
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
    await runRetried(node, shared);
    expect(node.attempts, "a rejected promise counts as a failed attempt").toEqual([0, 1, 2]);
    expect(shared.result).toBe("input ok");
  });

  // These two read the order of events, not the clock: timers set at each attempt tell whether half a
  // wait, or ten, passed before the next one, so a slow or busy machine cannot fail them.
  it("waits `wait` seconds (not milliseconds) between attempts", async () => {
    const timeline = retryTimeline(50);
    const node = new Flaky(2, { maxRetries: 3, wait: 0.05 });
    node.onAttempt = timeline.attempt;
    await timeline.settle(node.run({}));
    const problems = timeline.problems();
    expect(problems, `wait: 0.05 means 50 ms before each retry. ${problems.join(" ")}`).toEqual([]);
    expect(node.attempts, "two failures then a success: 3 attempts").toEqual([0, 1, 2]);
  });

  it("does not wait after the last attempt", async () => {
    const timeline = retryTimeline(120);
    const node = new Flaky(10, { maxRetries: 2, wait: 0.12 });
    node.onAttempt = timeline.attempt;
    await timeline.settle(node.run({}));
    const problems = timeline.problems();
    expect(
      problems,
      `one wait (120 ms) between the 2 attempts, none after the last. ${problems.join(" ")}`,
    ).toEqual([]);
    expect(node.attempts, "maxRetries 2: exactly 2 attempts").toEqual([0, 1]);
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
    await explained(
      new Guarded(10, { maxRetries: 3 }).run(shared),
      "run",
      "every attempt failed on purpose and execFallback returns an answer, so run should resolve: " +
        "after the last attempt, does _attempt call execFallback(input, error) instead of throwing?",
    );
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
    await explained(
      new Guarded(1, { maxRetries: 2 }).run({}),
      "run",
      "exec fails on purpose once, then succeeds: does _attempt retry before it calls execFallback?",
    );
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
    await explained(
      new AsyncGuarded(5, { maxRetries: 2 }).run(shared),
      "run",
      "every attempt failed on purpose and the async execFallback returns an answer: is its result returned?",
    );
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
    await explained(
      new ThrowsString().run({}),
      "run",
      "exec threw a string and execFallback returns normally: is the string wrapped and handed to execFallback?",
    );
    expect(received, "wrap a thrown non-Error in new Error(String(thrown))").toBeInstanceOf(Error);
    expect((received as Error).message).toBe("plain string");
  });
});
