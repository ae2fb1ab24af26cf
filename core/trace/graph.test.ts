// The graph of a flow as data and as Mermaid text: nodes, nested flows, labelled actions.
import { describe, expect, it } from "vitest";
import { Flow, Node } from "../index";
import { describeGraph, toMermaid } from "./graph";

class Decide extends Node {}
class SearchWeb extends Node {}
class Answer extends Node {}

function agent() {
  const decide = new Decide();
  decide.on("search", new SearchWeb()).on("decide", decide);
  decide.on("answer", new Answer());
  return new Flow(decide);
}

describe("describeGraph", () => {
  it("lists every node once and every action edge, loops included", () => {
    expect(describeGraph(agent())).toEqual({
      root: "n0",
      nodes: [
        { id: "n0", name: "Flow", kind: "flow", parent: undefined, start: "n1" },
        { id: "n1", name: "Decide", kind: "node", parent: "n0" },
        { id: "n2", name: "SearchWeb", kind: "node", parent: "n0" },
        { id: "n3", name: "Answer", kind: "node", parent: "n0" },
      ],
      edges: [
        { from: "n1", to: "n2", action: "search" },
        { from: "n1", to: "n3", action: "answer" },
        { from: "n2", to: "n1", action: "decide" },
      ],
    });
  });

  it("puts the nodes of a nested flow inside it, and its successors beside it", () => {
    const inner = new Flow(new SearchWeb());
    const outer = new Flow(new Decide());
    outer.startNode?.next(inner).next(new Answer());
    const { nodes, edges } = describeGraph(outer);
    expect(nodes.map((node) => [node.name, node.parent])).toEqual([
      ["Flow", undefined],
      ["Decide", "n0"],
      ["Flow", "n0"],
      ["SearchWeb", "n2"],
      ["Answer", "n0"],
    ]);
    expect(edges).toEqual([
      { from: "n1", to: "n2", action: "default" },
      { from: "n2", to: "n4", action: "default" },
    ]);
  });
});

describe("toMermaid", () => {
  it("draws the flow's start and each action as a labelled arrow", () => {
    expect(toMermaid(agent())).toBe(
      [
        "flowchart LR",
        "  n0_start((start)) --> n1",
        '  n1["Decide"]',
        '  n2["SearchWeb"]',
        '  n3["Answer"]',
        '  n1 -->|"search"| n2',
        '  n1 -->|"answer"| n3',
        '  n2 -->|"decide"| n1',
      ].join("\n"),
    );
  });

  it("draws a nested flow as a box around its nodes, with default edges unlabelled", () => {
    const inner = new Flow(new SearchWeb());
    const outer = new Flow(new Decide());
    outer.startNode?.next(inner).on("done", new Answer());
    expect(toMermaid(describeGraph(outer), { direction: "TD" })).toBe(
      [
        "flowchart TD",
        "  n0_start((start)) --> n1",
        '  n1["Decide"]',
        '  subgraph n2["Flow"]',
        "    n2_start((start)) --> n3",
        '    n3["SearchWeb"]',
        "  end",
        '  n4["Answer"]',
        "  n1 --> n2",
        '  n2 -->|"done"| n4',
      ].join("\n"),
    );
  });

  it("escapes quotes in names and actions", () => {
    const node = new Node();
    node.on('say "hi"', new Node());
    expect(toMermaid(node)).toContain('n0 -->|"say #quot;hi#quot;"| n1');
  });
});
