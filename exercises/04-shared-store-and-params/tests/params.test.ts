// params: a node's settings, replaced as a whole by setParams and read as this.params in any hook.
import { describe, expect, it } from "vitest";
import { BaseNode, Node, type Params } from "../pocketflow";

describe("params", () => {
  it("start as an empty object on every new node", () => {
    expect(new BaseNode().params, "a new BaseNode has params {}").toEqual({});
    expect(new Node({ maxRetries: 2 }).params, "a new Node has params {}").toEqual({});
  });

  it("are replaced by setParams", () => {
    const node = new Node();
    node.setParams({ file: "a.txt" });
    expect(node.params).toEqual({ file: "a.txt" });
  });

  it("are replaced as a whole, not merged, by a second setParams", () => {
    const node = new Node();
    node.setParams({ file: "a.txt", user: "ada" });
    node.setParams({ file: "b.txt" });
    expect(node.params, "the second setParams drops user").toEqual({ file: "b.txt" });
  });

  it("belong to each node: two nodes never share one params object", () => {
    const [a, b] = [new Node(), new Node()];
    (a.params as Params).touched = true;
    expect(b.params, "changing one node's default params must not change another's").toEqual({});
    a.setParams({ file: "a.txt" });
    expect(b.params).toEqual({});
  });

  it("can be read as this.params in prep, exec and post", async () => {
    const seen: unknown[] = [];
    class Reads extends Node<{ out?: string }> {
      override prep() {
        seen.push(this.params.name);
      }
      override exec() {
        seen.push(this.params.name);
      }
      override post() {
        seen.push(this.params.name);
      }
    }
    const node = new Reads();
    node.setParams({ name: "doc-7" });
    await node.run({});
    expect(seen, "every hook sees the params set before run").toEqual(["doc-7", "doc-7", "doc-7"]);
  });
});
