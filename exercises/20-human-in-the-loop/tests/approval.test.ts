// A human in the loop: pause for approval, save as JSON, resume later from the step that paused.
import { describe, expect, it, vi } from "vitest";
import {
  loadCheckpoint,
  resume,
  Review,
  saveCheckpoint,
  start,
  unserialisable,
  type Checkpoint,
  type PostStore,
} from "../approval";

/** A scripted writer: numbered drafts, so a test can tell the first draft from a revision. */
function writer() {
  let drafts = 0;
  return vi.fn(async (prompt: string) => {
    drafts += 1;
    return prompt.startsWith("Revise") ? `draft ${drafts} (revised)` : `draft ${drafts}`;
  });
}

const store = (extra: Partial<PostStore> = {}): PostStore => ({
  topic: "tabs vs spaces",
  revisions: 0,
  history: [],
  ...extra,
});

/** What another process would do: the checkpoint only ever crosses as text. */
const throughText = (checkpoint: Checkpoint) => loadCheckpoint(saveCheckpoint(checkpoint));

async function pausedRun() {
  const llm = writer();
  const result = await start("tabs vs spaces", llm);
  if (result.status !== "paused")
    throw new Error(`the run should pause for review, but it is ${result.status}`);
  return { llm, checkpoint: result.checkpoint };
}

describe("Review", () => {
  it('pauses ("pause") when the human has not answered yet, and changes nothing', async () => {
    const shared = store({ draft: "draft 1" });
    await expect(new Review().run(shared)).resolves.toBe("pause");
    expect(shared).toEqual(store({ draft: "draft 1" }));
  });

  it('goes on with "approved", using up the decision and keeping it in the history', async () => {
    const shared = store({ draft: "draft 1", decision: { approved: true } });
    await expect(new Review().run(shared)).resolves.toBe("approved");
    expect(shared.decision, "a decision is used once").toBeUndefined();
    expect(shared.history).toEqual([{ approved: true }]);
  });

  it('goes on with "rejected", keeping the feedback for the revision', async () => {
    const shared = store({ draft: "draft 1", decision: { approved: false, feedback: "shorter" } });
    await expect(new Review().run(shared)).resolves.toBe("rejected");
    expect(shared.feedback).toBe("shorter");
    expect(shared.decision).toBeUndefined();
    expect(shared.history).toEqual([{ approved: false, feedback: "shorter" }]);
  });
});

describe("a run that stops for approval", () => {
  it("drafts, then pauses at review with the whole store in the checkpoint", async () => {
    const { llm, checkpoint } = await pausedRun();
    expect(llm).toHaveBeenCalledTimes(1);
    expect(checkpoint).toEqual({ version: 1, resumeAt: "review", shared: store({ draft: "draft 1" }) });
  });

  it("leaves a checkpoint that is plain JSON: it survives stringify and parse unchanged", async () => {
    const { checkpoint } = await pausedRun();
    expect(JSON.parse(JSON.stringify(checkpoint))).toEqual(checkpoint);
    expect(
      checkpoint.shared,
      "where it stopped is in the checkpoint, not left in the store",
    ).not.toHaveProperty("pausedAt");
  });

  it("resumes at review after an approval and publishes, without drafting again", async () => {
    const { checkpoint } = await pausedRun();
    const later = writer(); // another process: a new model client, a new graph
    const result = await resume(throughText(checkpoint), { approved: true }, later);
    expect(later, "resuming must not run the steps before the pause again").not.toHaveBeenCalled();
    expect(result.status).toBe("done");
    expect(result.status === "done" && result.shared.published).toBe("draft 1");
  });

  it("revises with the feedback after a rejection, then pauses again for the new draft", async () => {
    const { checkpoint } = await pausedRun();
    const later = writer();
    const result = await resume(
      throughText(checkpoint),
      { approved: false, feedback: "add an example" },
      later,
    );
    expect(later).toHaveBeenCalledTimes(1);
    expect(later.mock.calls[0]?.[0], "the revision prompt carries the feedback").toContain("add an example");
    expect(result).toEqual({
      status: "paused",
      checkpoint: {
        version: 1,
        resumeAt: "review",
        shared: store({
          draft: "draft 1 (revised)",
          feedback: "add an example",
          revisions: 1,
          history: [{ approved: false, feedback: "add an example" }],
        }),
      },
    });
  });

  it("goes through several pauses, each resumed from its text alone", async () => {
    const { checkpoint } = await pausedRun();
    let saved = saveCheckpoint(checkpoint);
    const answers = [
      { approved: false, feedback: "shorter" },
      { approved: false, feedback: "friendlier" },
      { approved: true },
    ] as const;
    let result;
    for (const answer of answers) {
      result = await resume(loadCheckpoint(saved), answer, writer());
      if (result.status === "paused") saved = saveCheckpoint(result.checkpoint);
    }
    expect(result?.status).toBe("done");
    const shared = result?.status === "done" ? result.shared : undefined;
    expect(shared?.revisions).toBe(2);
    expect(shared?.history).toEqual(answers);
    expect(shared?.published).toBe("draft 1 (revised)");
  });
});

describe("saving and loading", () => {
  it("saves JSON text that loads back into an equal checkpoint", async () => {
    const { checkpoint } = await pausedRun();
    const text = saveCheckpoint(checkpoint);
    expect(typeof text).toBe("string");
    expect(loadCheckpoint(text)).toEqual(checkpoint);
  });

  it("refuses to save a store that JSON would change, naming what is wrong", () => {
    const shared = { ...store(), llm: writer() } as PostStore;
    expect(
      () => saveCheckpoint({ version: 1, resumeAt: "review", shared }),
      "a function in the store",
    ).toThrow(/shared\.llm is a function/);
  });

  it("rejects text that is not a checkpoint, saying why", () => {
    const good = { version: 1, resumeAt: "review", shared: store() };
    expect(() => loadCheckpoint("{ half a file"), "broken JSON").toThrow(/not JSON/);
    expect(() => loadCheckpoint(JSON.stringify({ ...good, version: 2 })), "version 2").toThrow(/version/);
    expect(() => loadCheckpoint(JSON.stringify({ ...good, resumeAt: "lunch" })), "step lunch").toThrow(
      /step/,
    );
    expect(() => loadCheckpoint(JSON.stringify({ version: 1, resumeAt: "review" })), "no store").toThrow(
      /store/,
    );
  });
});

describe("unserialisable", () => {
  it("finds nothing wrong with plain data", () => {
    expect(unserialisable({ a: [1, "two", { three: true, four: null }] })).toEqual([]);
  });

  it("names everything JSON would lose or change, with its path", () => {
    class Draft {
      text = "hi";
    }
    const problems = unserialisable({
      llm: () => "",
      missing: undefined,
      when: new Date(0),
      cache: new Map(),
      draft: new Draft(),
      list: [1, Number.NaN],
    });
    expect(problems).toHaveLength(6);
    for (const path of [
      "shared.llm",
      "shared.missing",
      "shared.when",
      "shared.cache",
      "shared.draft",
      "shared.list[1]",
    ]) {
      expect(
        problems.some((problem) => problem.startsWith(path)),
        `a problem for ${path}`,
      ).toBe(true);
    }
  });

  it("finds a cycle instead of looping forever", () => {
    const shared: Record<string, unknown> = { topic: "x" };
    shared.self = shared;
    expect(unserialisable(shared)).toEqual([expect.stringMatching(/^shared\.self/)]);
  });
});
