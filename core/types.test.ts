// The generics a learner relies on: `tsc --noEmit` checks this file, and a wrong hook fails it.
import { describe, expectTypeOf, it } from "vitest";
import { BatchNode, Flow, Node, ParallelBatchNode, type Action } from "./index";

type Shared = { text: string; summary?: string };

class Summarize extends Node<Shared, string, string> {
  override prep(shared: Shared) {
    return shared.text;
  }
  override exec(text: string) {
    return text.slice(0, 10);
  }
  override post(shared: Shared, _text: string, summary: string) {
    shared.summary = summary;
    return "done";
  }
}

describe("typed hooks", () => {
  it("types prep, exec and post from the node's generics", () => {
    const node = new Summarize();
    expectTypeOf(node.prep).parameter(0).toEqualTypeOf<Shared>();
    expectTypeOf(node.exec).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(node.run).returns.toEqualTypeOf<Promise<Action | undefined>>();
  });

  it("rejects hooks whose types do not match the generics", () => {
    class WrongExec extends Node<Shared, string, string> {
      // @ts-expect-error exec must return a string (or a promise of one) here
      override exec(text: string) {
        return text.length;
      }
    }
    class WrongPrep extends Node<Shared, string, string> {
      // @ts-expect-error prep must return what exec takes: a string
      override prep() {
        return 42;
      }
    }
    expectTypeOf(WrongExec).toBeConstructibleWith();
    expectTypeOf(WrongPrep).toBeConstructibleWith();
  });

  it("types a batch's exec per item and its post with the list of results", () => {
    class Lengths extends BatchNode<Shared, string, number> {
      override exec(word: string) {
        return word.length;
      }
    }
    expectTypeOf(new Lengths().exec).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(new Lengths().post).parameter(2).toEqualTypeOf<number[]>();
    expectTypeOf(new ParallelBatchNode<Shared, string, number>().execFallback)
      .parameter(0)
      .toEqualTypeOf<string>();
  });

  it("keeps the flow's shared store type for its start node", () => {
    const flow = new Flow<Shared>(new Summarize());
    expectTypeOf(flow.run).parameter(0).toEqualTypeOf<Shared>();
  });
});
