// The agent: decide → search → decide … → answer, driven by a scripted model, with a step limit.
import { describe, expect, it, vi } from "vitest";
import { Answer, buildAgentFlow, Decide, parseDecision, SearchWeb, type AgentStore } from "../agent";
import { explained } from "./helpers";

const QUESTION = "Who won the 2024 Nobel Prize in Physics?";
const searchFor = (query: string) => `\`\`\`yaml\naction: search\nquery: ${query}\n\`\`\``;
const ANSWER_NOW = "I know enough.\n```yaml\naction: answer\n```";

/**
 * A scripted agent model: decisions come from `decisions` in order (then "answer"), the final answer is fixed.
 * Every step is logged, together with the searches, so a test can read the agent's path.
 */
function agentWorld(decisions: string[]) {
  const log: string[] = [];
  const decidePrompts: string[] = [];
  const llm = vi.fn(async (prompt: string) => {
    if (prompt.startsWith("## Decide")) {
      decidePrompts.push(prompt);
      log.push("decide");
      if (decidePrompts.length > 20)
        throw new Error("the agent decided 20 times: does it have a step limit?");
      return decisions[decidePrompts.length - 1] ?? ANSWER_NOW;
    }
    if (prompt.startsWith("## Answer")) {
      log.push("answer");
      return "John Hopfield and Geoffrey Hinton.";
    }
    throw new Error("unexpected prompt: build prompts with decidePrompt and answerPrompt");
  });
  const search = vi.fn(async (query: string) => {
    log.push(`search: ${query}`);
    if (search.mock.calls.length > 20)
      throw new Error("the agent searched 20 times: does it have a step limit?");
    return `results for "${query}"`;
  });
  return { llm, search, log, decidePrompts };
}

const newStore = (): AgentStore => ({ question: QUESTION, findings: [] });

/** The agent's run; an error escaping it means a scripted malformed decision was not asked again. */
const settled = <T>(run: Promise<T>) =>
  explained(
    run,
    "the agent's run",
    "some scripted decisions are malformed on purpose: parseDecision should throw on them inside Decide's " +
      "exec, so that Decide (maxRetries 3) asks the model again.",
  );

describe("parseDecision", () => {
  it("reads a search decision and its query from the ```yaml block", () => {
    expect(parseDecision(`Let me look.\n${searchFor("2024 physics nobel")}`)).toEqual({
      action: "search",
      query: "2024 physics nobel",
    });
  });

  it("reads an answer decision", () => {
    expect(parseDecision(ANSWER_NOW)).toEqual({ action: "answer" });
  });

  it("throws on a missing block, an unknown action, or a search without a query", () => {
    expect(() => parseDecision("I'll search, I think."), "no ```yaml block").toThrow();
    expect(() => parseDecision("```yaml\naction: guess\n```"), 'action "guess"').toThrow();
    expect(() => parseDecision("```yaml\naction: search\n```"), "a search without a query").toThrow();
  });
});

describe("the agent's graph", () => {
  it('links Decide —"search"→ SearchWeb —"decide"→ Decide, and Decide —"answer"→ Answer', () => {
    const { llm, search } = agentWorld([]);
    const decide = buildAgentFlow({ llm, search }).startNode;
    expect(decide, "the flow should start on Decide").toBeInstanceOf(Decide);
    const searchNode = decide?.successors.get("search");
    expect(searchNode, 'Decide\'s "search" action should lead to SearchWeb').toBeInstanceOf(SearchWeb);
    expect(
      searchNode?.successors.get("decide"),
      'SearchWeb\'s "decide" should lead back to the same Decide',
    ).toBe(decide);
    expect(
      decide?.successors.get("answer"),
      'Decide\'s "answer" action should lead to Answer',
    ).toBeInstanceOf(Answer);
  });
});

describe("a run: search twice, then answer", () => {
  const run = async () => {
    const world = agentWorld([searchFor("nobel physics 2024"), searchFor("hopfield hinton prize")]);
    const shared = newStore();
    const action = await settled(buildAgentFlow(world).run(shared));
    return { ...world, shared, action };
  };

  it("takes the steps the model chose, in order", async () => {
    const { log } = await run();
    expect(log).toEqual([
      "decide",
      "search: nobel physics 2024",
      "decide",
      "search: hopfield hinton prize",
      "decide",
      "answer",
    ]);
  });

  it("adds one { query, results } to shared.findings per search", async () => {
    const { shared } = await run();
    expect(shared.findings).toEqual([
      { query: "nobel physics 2024", results: 'results for "nobel physics 2024"' },
      { query: "hopfield hinton prize", results: 'results for "hopfield hinton prize"' },
    ]);
  });

  it("shows the model everything found so far at each decision", async () => {
    const { decidePrompts } = await run();
    expect(
      decidePrompts[1] ?? "(there was no 2nd decision)",
      "the 2nd decision should see the 1st search's results",
    ).toContain('results for "nobel physics 2024"');
    expect(
      decidePrompts[2] ?? "(there was no 3rd decision)",
      "the 3rd decision should see both results",
    ).toContain('results for "hopfield hinton prize"');
  });

  it('answers from all the findings, stores shared.answer and ends with "done"', async () => {
    const { llm, shared, action } = await run();
    const answerPrompt = llm.mock.calls.at(-1)?.[0] ?? "";
    expect(answerPrompt, "the answer prompt should include the research").toContain(
      'results for "nobel physics 2024"',
    );
    expect(answerPrompt).toContain('results for "hopfield hinton prize"');
    expect(shared.answer).toBe("John Hopfield and Geoffrey Hinton.");
    expect(action, "Answer's post returns \"done\", the flow's last action").toBe("done");
  });
});

describe("deciding", () => {
  it("answers at once when the model decides so, without searching", async () => {
    const world = agentWorld([ANSWER_NOW]);
    const shared = newStore();
    await settled(buildAgentFlow(world).run(shared));
    expect(world.search, "no search was asked for").not.toHaveBeenCalled();
    expect(world.log).toEqual(["decide", "answer"]);
    expect(shared.findings).toEqual([]);
  });

  it("asks the model again when its decision is malformed", async () => {
    const world = agentWorld(["Hmm, let me think…", searchFor("nobel 2024")]);
    await settled(buildAgentFlow(world).run(newStore()));
    expect(world.log.slice(0, 3), "a malformed decision should throw in exec, so Decide retries").toEqual([
      "decide",
      "decide",
      "search: nobel 2024",
    ]);
  });

  it("stores a search's query in shared.query and returns the decision's action", () => {
    const node = new Decide(async () => "");
    const shared = newStore();
    const input = { question: QUESTION, findings: [], canSearch: true };
    expect(node.post(shared, input, { action: "search", query: "nobel" })).toBe("search");
    expect(shared.query, "SearchWeb reads the query from shared.query").toBe("nobel");
    expect(node.post(shared, input, { action: "answer" })).toBe("answer");
  });
});

describe("the step limit", () => {
  const keepsSearching = Array.from({ length: 30 }, (_, i) => searchFor(`more ${i + 1}`));

  it("answers after maxSearches searches, even if the model keeps asking for more", async () => {
    const world = agentWorld(keepsSearching);
    const shared = newStore();
    const action = await settled(buildAgentFlow({ ...world, maxSearches: 2 }).run(shared));
    expect(world.search, "maxSearches: 2 allows two searches").toHaveBeenCalledTimes(2);
    expect(
      world.log,
      "2 decisions that search, then the 3rd decision, with no searches left, answers without asking the model",
    ).toEqual(["decide", "search: more 1", "decide", "search: more 2", "answer"]);
    expect(world.llm, "N + 1 model calls for a budget of N = 2 searches").toHaveBeenCalledTimes(3);
    expect(shared.findings).toHaveLength(2);
    expect(shared.answer, "the agent must answer once its searches are spent").toBe(
      "John Hopfield and Geoffrey Hinton.",
    );
    expect(action).toBe("done");
  });

  it("allows 3 searches when no maxSearches is given", async () => {
    const world = agentWorld(keepsSearching);
    await settled(buildAgentFlow(world).run(newStore()));
    expect(world.search, "the default limit is 3 searches").toHaveBeenCalledTimes(3);
    expect(world.llm, "3 searching decisions and the answer: 4 model calls").toHaveBeenCalledTimes(4);
  });

  it("answers without calling the model when no searches are left", async () => {
    const llm = vi.fn(async (_prompt: string) => searchFor("one more"));
    const input = { question: QUESTION, findings: [{ query: "q", results: "r" }], canSearch: false };
    await expect(
      new Decide(llm, 1).exec(input),
      "with canSearch false, exec decides to answer",
    ).resolves.toEqual({
      action: "answer",
    });
    expect(llm, "the last decision makes no model call").not.toHaveBeenCalled();
  });

  it("tells Decide's exec when no searches are left", () => {
    const node = new Decide(async () => "", 1);
    const shared: AgentStore = { question: QUESTION, findings: [{ query: "q", results: "r" }] };
    expect(node.prep(shared), "one finding with maxSearches 1: canSearch is false").toEqual({
      question: QUESTION,
      findings: shared.findings,
      canSearch: false,
    });
  });
});
