// What exercise 4 built, checked again by every later part-1 suite (mounted at tests/earlier/).
import { describe, expect, it } from "vitest";
import { Node } from "../../pocketflow";

describe("earlier exercises", () => {
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
});
