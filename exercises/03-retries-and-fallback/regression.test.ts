// What exercise 3 built, checked again by every later part-1 suite (mounted at tests/earlier/).
import { describe, expect, it } from "vitest";
import { Node } from "../../pocketflow";
import { explained } from "../helpers";

describe("earlier exercises", () => {
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
    const action = await explained(
      new Flaky({ maxRetries: 3 }).run({}),
      "run",
      () =>
        `exec fails on purpose and execFallback answers, so nothing should escape (curRetry of the attempts: ${attempts.join(", ")}): ` +
        "does _attempt still retry and then call execFallback?",
    );
    expect(action, "execFallback gets the last error").toBe("input: attempt 3 failed");
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
});
