// Installing the tracer around a core: every graph that runs is traced, and nothing a test can see changes.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as core from "../index";
import { installTracing } from "./install";
import { Tracer } from "./recorder";

type Store = { greeting?: string };

class Greet extends core.Node<Store> {
  override exec() {
    return "hello";
  }
  override post(shared: Store, _prep: unknown, greeting: string) {
    shared.greeting = greeting;
    return "greeted";
  }
}

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  vi.restoreAllMocks();
});

const traced = () => {
  const tracer = new Tracer();
  uninstall = installTracing(core, tracer);
  return tracer;
};

describe("installTracing", () => {
  it("traces a flow that is run without ever being attached by hand", async () => {
    const tracer = traced();
    await new core.Flow(new Greet()).run({});
    expect(tracer.steps.map((step) => `${step.node} → ${step.action}`)).toEqual([
      "Flow → greeted",
      "Greet → greeted",
    ]);
  });

  it("traces a single node's run as one step", async () => {
    const tracer = traced();
    expect(await new Greet().run({})).toBe("greeted");
    expect(tracer.steps).toHaveLength(1);
  });

  it("tells the host about each graph as it starts to run", async () => {
    const tracer = new Tracer();
    const roots: unknown[] = [];
    uninstall = installTracing(core, tracer, { onRun: (root) => roots.push(root) });
    const flow = new core.Flow(new Greet());
    await flow.run({});
    expect(roots).toEqual([flow]);
  });

  it("stops tracing once uninstalled", async () => {
    const tracer = new Tracer();
    installTracing(core, tracer)();
    await new core.Flow(new Greet()).run({});
    expect(tracer.steps).toEqual([]);
  });
});

describe("a traced run looks the same to a test", () => {
  it("leaves a spy on a node's hook a spy, called exactly as often as without tracing", async () => {
    const run = async () => {
      const node = new Greet();
      const spy = vi.spyOn(node, "exec");
      await new core.Flow(node).run({}); // the flow runs a copy, which a spy on the original does not reach
      await node.run({}); // this run is the node itself
      return { calls: spy.mock.calls.length, stillSpy: vi.isMockFunction(node.exec) };
    };
    const untraced = await run();
    traced();
    expect(await run()).toEqual(untraced);
    expect(untraced).toEqual({ calls: 1, stillSpy: true });
  });

  it("leaves a spy on a class's hook a spy, and still records the step", async () => {
    const tracer = traced();
    const exec = vi.spyOn(Greet.prototype, "exec").mockReturnValue("hi");
    const shared: Store = {};
    await new core.Flow(new Greet()).run(shared);
    expect(vi.isMockFunction(Greet.prototype.exec)).toBe(true);
    expect(exec).toHaveBeenCalledTimes(1);
    expect(shared.greeting).toBe("hi");
    expect(tracer.steps[1]).toMatchObject({ node: "Greet", action: "greeted", execCalls: 0 });
  });

  it("sees a spy put on a class after its nodes were traced", async () => {
    const tracer = traced();
    const flow = new core.Flow(new Greet());
    await flow.run({});
    const exec = vi.spyOn(Greet.prototype, "exec"); // it calls through, to the traced hook
    await flow.run({});
    expect(exec).toHaveBeenCalledTimes(1);
    expect(tracer.steps.map((step) => step.execCalls)).toEqual([0, 1, 0, 1]);
  });

  it("leaves out a node whose prep or post is a spy, and traces the rest", async () => {
    const tracer = traced();
    const spied = new Greet();
    spied.post = vi.fn((): string => "default");
    spied.next(new Greet());
    const action = await new core.Flow(spied).run({});
    expect(action).toBe("greeted");
    expect(spied.post).toHaveBeenCalledTimes(1);
    expect(tracer.steps.map((step) => step.node)).toEqual(["Flow", "Greet"]);
    expect(tracer.steps[1]?.status).toBe("done");
  });
});
