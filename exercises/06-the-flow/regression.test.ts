// What exercise 6 built, checked again by every later part-1 suite (mounted at tests/earlier/).
import { afterEach, describe, expect, it, vi } from "vitest";
import { Flow, Node } from "../../pocketflow";
import { captureWarnings } from "../helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("earlier exercises", () => {
  it('exercise 6: a flow runs copies with a copy of its params, treats "" as "default", and warns at a dead end', async () => {
    const warn = captureWarnings();
    const trail: string[] = [];
    class Step extends Node {
      runs = 0;
      name: string;
      action: string;
      constructor(name: string, action: string) {
        super();
        this.name = name;
        this.action = action;
      }
      override prep() {
        this.runs += 1;
      }
      override post() {
        trail.push(`${this.name} for ${String(this.params.user)}`);
        return this.action;
      }
    }
    const a = new Step("a", "");
    const b = a.next(new Step("b", "maybe"));
    b.on("yes", new Step("c", ""));
    const flow = new Flow(a);
    flow.setParams({ user: "ada" });
    await flow.run({});
    expect(trail, 'a returned "" (default) → b; b returned "maybe", which leads nowhere').toEqual([
      "a for ada",
      "b for ada",
    ]);
    expect(warn).toHaveBeenCalledWith("Flow ends: 'maybe' not found in ['yes']");
    expect([a.runs, b.runs, b.params], "the graph's own nodes were not run").toEqual([0, 0, {}]);

    class Scribbles extends Node {
      override prep() {
        this.params.note = "written during a run";
      }
    }
    const scribbled = new Flow(new Scribbles());
    scribbled.setParams({ user: "ada" });
    await scribbled.run({});
    expect(scribbled.params, "each run hands its nodes a copy of the flow's params").toEqual({ user: "ada" });
  });
});
