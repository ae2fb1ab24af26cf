// Many agents: agents as flows inside a flow, a supervisor that sends work back, rounds and a budget.
import { describe, expect, it, vi } from "vitest";
import { Flow } from "../pocketflow";
import { Budget, buildTeam, Done, parseVerdict, Supervisor, type Role, type TeamStore } from "../team";

const yaml = (body: string) => "```yaml\n" + body + "\n```";
const APPROVE = yaml("verdict: approve\nreason: correct and clear");
const revise = (feedback: string) => yaml(`verdict: revise\nfeedback: ${feedback}`);

/** A scripted team: the supervisor's replies come from `verdicts` in order (then approve). */
function team(verdicts: string[] = []) {
  const log: string[] = [];
  const prompts: Record<Role, string[]> = { researcher: [], writer: [], supervisor: [] };
  let drafts = 0;
  const ask = vi.fn(async (role: Role, prompt: string) => {
    log.push(role);
    prompts[role].push(prompt);
    if (log.length > 60) throw new Error("60 model calls: does the team have a limit?");
    if (role === "researcher") {
      return prompt.startsWith("List") ? "- who won\n- what for" : `facts about ${prompt.slice(10)}`;
    }
    if (role === "writer") return `draft ${++drafts}`;
    return verdicts[prompts.supervisor.length - 1] ?? APPROVE;
  });
  return { ask, log, prompts };
}

const newStore = (): TeamStore => ({
  question: "Who won the 2024 Nobel Prize in Physics?",
  rounds: 0,
  verdicts: [],
});

describe("parseVerdict", () => {
  it("reads an approval and its reason", () => {
    expect(parseVerdict(`Looks good.\n${APPROVE}`)).toEqual({
      verdict: "approve",
      reason: "correct and clear",
    });
  });

  it("reads a request to revise, with its feedback", () => {
    expect(parseVerdict(revise("name both winners"))).toEqual({
      verdict: "revise",
      feedback: "name both winners",
    });
  });

  it("throws on a missing block, an unknown verdict, or a revise without feedback", () => {
    expect(() => parseVerdict(APPROVE), "a good verdict must not throw").not.toThrow();
    expect(() => parseVerdict("I approve."), "no ```yaml block").toThrow();
    expect(() => parseVerdict(yaml("verdict: maybe")), "verdict maybe").toThrow();
    expect(() => parseVerdict(yaml("verdict: revise")), "revise without feedback").toThrow();
  });
});

describe("the team's graph", () => {
  it("is a flow of agents: the researcher's flow, then the writer's flow, then the supervisor", () => {
    const flow = buildTeam({ ask: team().ask });
    const researcher = flow.startNode;
    expect(researcher, "the team starts with the researcher agent, itself a Flow").toBeInstanceOf(Flow);
    const writer = researcher?.successors.get("default");
    expect(writer, "then the writer agent, a Flow too").toBeInstanceOf(Flow);
    expect(writer).not.toBe(researcher);
    const supervisor = writer?.successors.get("default");
    expect(supervisor).toBeInstanceOf(Supervisor);
    expect(supervisor?.successors.get("revise"), '"revise" goes back to the same writer').toBe(writer);
    expect(supervisor?.successors.get("approve"), '"approve" goes to Done').toBeInstanceOf(Done);
  });
});

describe("a run", () => {
  it("runs each agent's own steps in order, and ends with the approved draft", async () => {
    const { ask, log } = team([APPROVE]);
    const shared = newStore();
    const action = await buildTeam({ ask }).run(shared);
    expect(log, "plan, one look per point, write, review").toEqual([
      "researcher",
      "researcher",
      "researcher",
      "writer",
      "supervisor",
    ]);
    expect(shared.final).toBe("draft 1");
    expect(shared.verdicts).toEqual([{ verdict: "approve", reason: "correct and clear" }]);
    expect(action, "Done's action is the team's last action").toBe("done");
  });

  it("shows the supervisor the question and the draft", async () => {
    const { ask, prompts } = team([APPROVE]);
    await buildTeam({ ask }).run(newStore());
    expect(prompts.supervisor[0]).toContain("Who won the 2024 Nobel Prize in Physics?");
    expect(prompts.supervisor[0]).toContain("draft 1");
  });

  it("sends the draft back with the feedback, and only the writer works again", async () => {
    const { ask, log, prompts } = team([revise("name both winners"), APPROVE]);
    const shared = newStore();
    await buildTeam({ ask }).run(shared);
    expect(
      log.filter((role) => role === "researcher"),
      "the research is not done twice",
    ).toHaveLength(3);
    expect(prompts.writer, "the writer wrote twice").toHaveLength(2);
    expect(prompts.writer[1], "the second draft is written with the feedback").toContain("name both winners");
    expect(shared.rounds).toBe(1);
    expect(shared.final).toBe("draft 2");
  });

  it("asks the supervisor again when its verdict is malformed", async () => {
    const { ask, log } = team(["Looks fine to me!", APPROVE]);
    const shared = newStore();
    await buildTeam({ ask }).run(shared);
    expect(log.slice(-2), "a malformed verdict should throw in exec, so the review is retried").toEqual([
      "supervisor",
      "supervisor",
    ]);
    expect(shared.final).toBe("draft 1");
  });
});

describe("limits", () => {
  const alwaysRevise = Array.from({ length: 20 }, (_, i) => revise(`again ${i + 1}`));

  it("stops sending the draft back after maxRounds, whatever the supervisor says", async () => {
    const { ask, prompts } = team(alwaysRevise);
    const shared = newStore();
    await buildTeam({ ask, maxRounds: 1 }).run(shared);
    expect(prompts.writer, "one revision: two drafts").toHaveLength(2);
    expect(prompts.supervisor, "the last review is not asked: the rounds are spent").toHaveLength(1);
    expect(shared.verdicts.at(-1)).toMatchObject({ verdict: "approve", forced: true });
    expect(shared.final).toBe("draft 2");
  });

  it("allows 2 rounds when no maxRounds is given", async () => {
    const { ask, prompts } = team(alwaysRevise);
    await buildTeam({ ask }).run(newStore());
    expect(prompts.writer).toHaveLength(3);
  });

  it("shares one budget of calls between all agents and never goes past it", async () => {
    const { ask, log } = team(alwaysRevise);
    const budget = new Budget(7);
    const shared = newStore();
    const action = await buildTeam({ ask, budget, maxRounds: 5 }).run(shared);
    // 3 research calls + draft + review = 5; a revision needs 2 more (draft + review) = 7; then it stops.
    expect(log).toHaveLength(7);
    expect(budget.used).toBe(7);
    expect(shared.verdicts.at(-1), "out of budget: the draft goes through").toMatchObject({
      verdict: "approve",
      forced: true,
    });
    expect(action).toBe("done");
  });

  it("lets the draft through without a review when the budget is spent before it", async () => {
    const { ask, log } = team(alwaysRevise);
    const budget = new Budget(4); // 3 research calls and the draft: nothing is left for the review
    const shared = newStore();
    const action = await buildTeam({ ask, budget }).run(shared);
    expect(log, "no call past the budget, and no refused call that ends the run").toEqual([
      "researcher",
      "researcher",
      "researcher",
      "writer",
    ]);
    expect(shared.verdicts.at(-1)).toMatchObject({ verdict: "approve", forced: true });
    expect(shared.final).toBe("draft 1");
    expect(action).toBe("done");
  });

  it("does not send a draft back when the budget cannot pay for the revision and its review", async () => {
    const budget = new Budget(10);
    budget.used = 9; // one call left: enough to review, not to revise
    const { ask } = team([revise("more detail")]);
    const node = new Supervisor(budget.wrap(ask), budget, 3);
    const shared = { ...newStore(), draft: "draft 1" };
    await expect(node.run(shared)).resolves.toBe("approve");
    expect(ask).toHaveBeenCalledTimes(1);
    expect(shared.rounds).toBe(0);
  });
});
