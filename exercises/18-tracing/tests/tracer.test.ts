// Your tracer: the store's changes, every node of a graph, a record of each run, and the graph drawn.
import { describe, expect, it } from "vitest";
import { Flow, Node } from "../pocketflow";
import { diffStore, nodesOf, toMermaid, traceFlow, type Step } from "../tracer";

type Store = { question: string; findings: string[]; answer?: string };

class Decide extends Node<Store, number, string> {
  override prep(shared: Store) {
    return shared.findings.length;
  }
  override exec(found: number) {
    return found < 2 ? "search" : "answer";
  }
  override post(_shared: Store, _found: number, action: string) {
    return action;
  }
}
class SearchWeb extends Node<Store> {
  override post(shared: Store) {
    shared.findings.push(`finding ${shared.findings.length + 1}`);
    return "decide";
  }
}
class Answer extends Node<Store> {
  override async post(shared: Store) {
    await Promise.resolve(); // an async hook must be traced as well as a sync one
    shared.answer = shared.findings.join(" + ");
    return "done";
  }
}

/** decide —"search"→ searchWeb —"decide"→ decide; decide —"answer"→ answer */
function agent() {
  const decide = new Decide();
  const searchWeb = new SearchWeb();
  const answer = new Answer();
  decide.on("search", searchWeb).on("decide", decide);
  decide.on("answer", answer);
  return { flow: new Flow<Store>(decide), decide, searchWeb, answer };
}

const newStore = (): Store => ({ question: "Who won?", findings: [] });
const path = (steps: Step[]) => steps.map((step) => `${step.node} → ${step.action}`);

describe("diffStore", () => {
  it("lists a key that is new in the store as added", () => {
    expect(diffStore({ a: 1 }, { a: 1, b: 2 })).toEqual([{ key: "b", kind: "added", after: 2 }]);
  });

  it("lists a key whose value differs as changed, comparing lists and objects by content", () => {
    expect(diffStore({ list: [1], same: { x: 1 } }, { list: [1, 2], same: { x: 1 } })).toEqual([
      { key: "list", kind: "changed", before: [1], after: [1, 2] },
    ]);
  });

  it("lists a key that is gone as removed, after the added and changed ones", () => {
    expect(diffStore({ query: "q", steps: 1 }, { steps: 2, answer: "A" })).toEqual([
      { key: "steps", kind: "changed", before: 1, after: 2 },
      { key: "answer", kind: "added", after: "A" },
      { key: "query", kind: "removed", before: "q" },
    ]);
  });

  it("finds no change between equal snapshots", () => {
    expect(diffStore({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});

describe("nodesOf", () => {
  it("finds every node of a graph once, loops included, starting from the given one", () => {
    const { decide, searchWeb, answer } = agent();
    const found = nodesOf(decide);
    expect(found[0], "the walk starts with the node it is given").toBe(decide);
    expect(found).toHaveLength(3);
    expect(new Set(found)).toEqual(new Set([decide, searchWeb, answer]));
  });

  it("goes inside nested flows, unless told not to", () => {
    const inner = new SearchWeb();
    const nested = new Flow<Store>(inner);
    const first = new Decide();
    first.next(nested).next(new Answer());
    const outer = new Flow<Store>(first);
    expect(nodesOf(outer), "the flow, its 3 nodes, and the node inside the nested flow").toHaveLength(5);
    expect(nodesOf(outer)).toContain(inner);
    expect(nodesOf(first, { insideFlows: false }), "without the nested flow's inside").not.toContain(inner);
    expect(nodesOf(first, { insideFlows: false })).toHaveLength(3);
  });
});

describe("traceFlow", () => {
  it("records every node that ran, in order, with its class name and the action it returned", async () => {
    const { flow } = agent();
    const steps = traceFlow(flow);
    await flow.run(newStore());
    expect(path(steps)).toEqual([
      "Decide → search",
      "SearchWeb → decide",
      "Decide → search",
      "SearchWeb → decide",
      "Decide → answer",
      "Answer → done",
      "Flow → done",
    ]);
  });

  it("records what each step changed in the shared store", async () => {
    const { flow } = agent();
    const steps = traceFlow(flow);
    await flow.run(newStore());
    expect(steps[0]?.changes, "Decide changes nothing").toEqual([]);
    expect(steps[1]?.changes).toEqual([
      { key: "findings", kind: "changed", before: [], after: ["finding 1"] },
    ]);
    expect(steps[5]?.changes).toEqual([{ key: "answer", kind: "added", after: "finding 1 + finding 2" }]);
  });

  it("counts what prep wrote as part of the step", async () => {
    class Greet extends Node<{ messages: string[] }> {
      override prep(shared: { messages: string[] }) {
        shared.messages.push("hello");
      }
    }
    const flow = new Flow(new Greet());
    const steps = traceFlow(flow);
    await flow.run({ messages: [] });
    expect(steps[0]?.changes, "the snapshot is taken before prep runs").toEqual([
      { key: "messages", kind: "changed", before: [], after: ["hello"] },
    ]);
  });

  it('writes "default" for a node whose post returns nothing', async () => {
    const flow = new Flow(new Node<Store>());
    const steps = traceFlow(flow);
    await flow.run(newStore());
    expect(path(steps)).toEqual(["Node → default", "Flow → default"]);
  });

  it("records the params the flow gave each node", async () => {
    const { flow } = agent();
    flow.setParams({ user: "ada" });
    const steps = traceFlow(flow);
    await flow.run(newStore());
    expect(steps.map((step) => step.params)).toEqual(Array(7).fill({ user: "ada" }));
  });

  it("records the nodes inside a nested flow too", async () => {
    const nested = new Flow<Store>(new SearchWeb());
    const first = new Decide();
    first.on("search", nested);
    const outer = new Flow<Store>(first);
    const steps = traceFlow(outer);
    await outer.run(newStore());
    expect(path(steps)).toEqual(["Decide → search", "SearchWeb → decide", "Flow → decide", "Flow → decide"]);
  });

  it("changes nothing about the run: the same action and the same store as without the tracer", async () => {
    const plain = newStore();
    const traced = newStore();
    const untracedAction = await agent().flow.run(plain);
    const { flow } = agent();
    traceFlow(flow);
    expect(await flow.run(traced)).toBe(untracedAction);
    expect(traced).toEqual(plain);
  });

  it("keeps recording when the same flow runs again", async () => {
    const { flow } = agent();
    const steps = traceFlow(flow);
    await flow.run(newStore());
    await flow.run({ question: "Again?", findings: ["a", "b"] });
    expect(steps, "7 steps for the first run, 3 for the second").toHaveLength(10);
    expect(path(steps.slice(7))).toEqual(["Decide → answer", "Answer → done", "Flow → done"]);
  });
});

/** The Mermaid text as data: node labels by id, and each arrow as "From -action-> To". */
function readMermaid(text: string) {
  const lines = text.split("\n").map((line) => line.trim());
  const labels = new Map<string, string>();
  const arrows: string[] = [];
  for (const line of lines.slice(1)) {
    const node = /^(\w+)\["([^"]*)"\]$/.exec(line);
    const arrow = /^(\w+) -->(?:\|"([^"]*)"\|)? (\w+)$/.exec(line);
    if (node) labels.set(node[1] ?? "", node[2] ?? "");
    else if (arrow) arrows.push(`${arrow[1]} -${arrow[2] ?? "default"}-> ${arrow[3]}`);
    else if (line) throw new Error(`a line that is neither a node nor an arrow: ${line}`);
  }
  const named = arrows.map((arrow) =>
    arrow.replace(/^(\w+)|(\w+)$/g, (id) => labels.get(id) ?? `(undeclared ${id})`),
  );
  return { header: lines[0], labels: [...labels.values()], arrows: named };
}

describe("toMermaid", () => {
  it('starts with "flowchart LR" and declares each node once, by its class name', () => {
    const mermaid = readMermaid(toMermaid(agent().flow));
    expect(mermaid.header).toBe("flowchart LR");
    expect(mermaid.labels.sort()).toEqual(["Answer", "Decide", "SearchWeb"]);
  });

  it("draws one arrow per action, labelled with it, loops included", () => {
    expect(readMermaid(toMermaid(agent().flow)).arrows.sort()).toEqual([
      "Decide -answer-> Answer",
      "Decide -search-> SearchWeb",
      "SearchWeb -decide-> Decide",
    ]);
  });

  it("draws two nodes of the same class as two boxes", () => {
    const first = new SearchWeb();
    first.on("decide", new SearchWeb());
    const mermaid = readMermaid(toMermaid(new Flow(first)));
    expect(mermaid.labels, "one box per node, not one per class: give each node its own id").toEqual([
      "SearchWeb",
      "SearchWeb",
    ]);
    expect(mermaid.arrows).toEqual(["SearchWeb -decide-> SearchWeb"]);
  });

  it('leaves a "default" arrow unlabelled', () => {
    const first = new Decide();
    first.next(new Answer());
    const text = toMermaid(new Flow(first));
    expect(text).toMatch(/^\s*\w+ --> \w+$/m);
    expect(readMermaid(text).arrows).toEqual(["Decide -default-> Answer"]);
  });
});
