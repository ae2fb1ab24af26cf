// What exercise 8 built, checked again by every later part-1 suite (mounted at tests/earlier/).
import { describe, expect, it } from "vitest";
import { BatchFlow, BatchNode, Node } from "../../pocketflow";
import { delay, explained } from "../helpers";

describe("earlier exercises", () => {
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
    await explained(
      new Flaky({ maxRetries: 2 }).run(shared),
      "a BatchNode's run",
      () =>
        `each item fails on purpose on attempt 0, which maxRetries 2 allows to retry (attempts: ${attempts.join(", ")}): ` +
        "does BatchNode run every item through _attempt, from curRetry 0?",
    );
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
