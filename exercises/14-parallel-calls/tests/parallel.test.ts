// Parallel calls, measured: a model whose calls take known times, counting how many are in flight at once.
// Concurrency is judged by the order of the calls' starts and ends, which a slow or busy machine cannot
// change; the time each run took is only quoted in the messages.
import { describe, expect, it, vi } from "vitest";
import { ParallelBatchNode } from "../pocketflow";
import { buildParallelFlow, ScreenInParallel, type ParallelStore, type ResumeFile } from "../parallel";
import { explained } from "./helpers";

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const verdict = (name: string, qualified: boolean) =>
  `\`\`\`yaml\nname: ${name}\nqualified: ${qualified}\n\`\`\``;

/** Resumes named r0.txt, r1.txt, …; candidate i is qualified when i is even. */
const resumes = (count: number): ResumeFile[] =>
  Array.from({ length: count }, (_, i) => ({ file: `r${i}.txt`, text: `Resume of Candidate ${i}.` }));

/**
 * A model whose call about resume i takes delays[i] ms. It records the most calls in flight at once and
 * every call's start and end, in order, and answers malformed the first time for the resumes in `flaky`.
 */
function timedModel(delays: number[], flaky: number[] = []) {
  const stats = { inFlight: 0, peak: 0, calls: [] as number[], events: [] as string[] };
  const llm = vi.fn(async (prompt: string) => {
    const i = Number(/Candidate (\d+)\./.exec(prompt)?.[1] ?? NaN);
    if (Number.isNaN(i)) throw new Error("the prompt has no resume text: use screeningPrompt(resume.text)");
    const firstTime = !stats.calls.includes(i);
    stats.calls.push(i);
    stats.inFlight++;
    stats.peak = Math.max(stats.peak, stats.inFlight);
    stats.events.push(`start ${i}`);
    await sleep(delays[i] ?? 0);
    stats.inFlight--;
    stats.events.push(`end ${i}`);
    return flaky.includes(i) && firstTime ? "sorry, what?" : verdict(`Candidate ${i}`, i % 2 === 0);
  });
  return { llm, stats };
}

/** How many calls had started when the first one ended. */
const startedBeforeFirstEnd = (events: string[]) => {
  const firstEnd = events.findIndex((event) => event.startsWith("end"));
  return (firstEnd === -1 ? events : events.slice(0, firstEnd)).length;
};

/** Runs the flow and measures its wall time in ms. */
async function timedRun(count: number, model: ReturnType<typeof timedModel>, maxConcurrency?: number) {
  const shared: ParallelStore = { resumes: resumes(count) };
  const flow = buildParallelFlow(model.llm, maxConcurrency === undefined ? undefined : { maxConcurrency });
  const started = performance.now();
  await explained(
    flow.run(shared),
    "the flow's run",
    "a malformed answer is scripted on purpose for some resumes: exec should throw so that item is asked " +
      "again, and execFallback should turn its last error into a screening.",
  );
  return { shared, ms: Math.round(performance.now() - started) };
}

describe("ScreenInParallel", () => {
  it("is a ParallelBatchNode", () => {
    const node = new ScreenInParallel(timedModel([]).llm);
    expect(node, "extend ParallelBatchNode (a BatchNode runs one item after another)").toBeInstanceOf(
      ParallelBatchNode,
    );
  });

  it("keeps the screenings in input order even when later calls finish first", async () => {
    const { shared } = await timedRun(4, timedModel([120, 90, 60, 30]), 4);
    expect(
      shared.screenings?.map((s) => s.file),
      "shared.screenings follows shared.resumes",
    ).toEqual(["r0.txt", "r1.txt", "r2.txt", "r3.txt"]);
    expect(shared.screenings?.[0]).toEqual({ file: "r0.txt", name: "Candidate 0", qualified: true });
    expect(shared.screenings?.[1]).toEqual({ file: "r1.txt", name: "Candidate 1", qualified: false });
  });
});

describe("time: the longest call, not the sum", () => {
  it("starts every call at once when maxConcurrency allows it", async () => {
    const model = timedModel([80, 80, 80, 80, 80, 80]);
    await timedRun(6, model, 10);
    expect(model.stats.peak, "with maxConcurrency 10, all 6 calls should be in flight together").toBe(6);
  });

  it("finishes in about the time of the longest call, not the sum of all calls", async () => {
    const delays = [120, 60, 90, 70, 100, 80]; // sum 520 ms, longest 120 ms
    const model = timedModel(delays);
    const { ms } = await timedRun(6, model, 10);
    expect(
      startedBeforeFirstEnd(model.stats.events),
      `every call should start before the first one ends, so the run takes the longest call, not the sum ` +
        `(this run took ${ms} ms; calls: ${model.stats.events.join(", ")})`,
    ).toBe(6);
    expect(
      model.stats.events.filter((event) => event.startsWith("end")),
      "the calls end in the order of their durations",
    ).toEqual(["end 1", "end 3", "end 5", "end 2", "end 4", "end 0"]);
  });
});

describe("maxConcurrency: a limit for the provider's rate limits", () => {
  it("never has more than maxConcurrency calls in flight", async () => {
    const model = timedModel([70, 70, 70, 70, 70, 70, 70]);
    await timedRun(7, model, 2);
    expect(model.stats.peak, "maxConcurrency 2 allows at most 2 calls at once").toBeLessThanOrEqual(2);
    expect(model.stats.calls, "every resume is still screened").toHaveLength(7);
  });

  it("still runs maxConcurrency calls side by side", async () => {
    const model = timedModel([70, 70, 70, 70, 70, 70]);
    await timedRun(6, model, 3);
    expect(model.stats.peak, "maxConcurrency 3 should keep 3 calls in flight, not 1").toBe(3);
  });

  it("takes about count ÷ maxConcurrency rounds: six 100 ms calls, 2 at a time, take about 300 ms", async () => {
    const model = timedModel([100, 100, 100, 100, 100, 100]);
    const { ms } = await timedRun(6, model, 2);
    const { events } = model.stats;
    // Three rounds of two: a new call starts as soon as one ends, and never more than two run at once.
    const idle = events.flatMap((event, i) => {
      const waiting = events.slice(i + 1).some((later) => later.startsWith("start"));
      return event.startsWith("end") && waiting && !events[i + 1]?.startsWith("start") ? [event] : [];
    });
    expect(model.stats.peak, `at most 2 calls at once (this run took ${ms} ms)`).toBe(2);
    expect(
      idle,
      "while calls wait, each call that ends should be followed at once by the next start " +
        `(this run took ${ms} ms; calls: ${events.join(", ")})`,
    ).toEqual([]);
  });

  it("allows 5 calls in flight when no maxConcurrency is given", async () => {
    const model = timedModel([60, 60, 60, 60, 60, 60, 60, 60]);
    await timedRun(8, model);
    expect(model.stats.peak, "the default limit is 5").toBe(5);
  });
});

describe("retries in parallel", () => {
  it("retries only the call that failed, while the others go on", async () => {
    const model = timedModel([60, 60, 60, 60], [2]);
    const { shared } = await timedRun(4, model, 4);
    expect(
      model.stats.calls.filter((i) => i === 2),
      "resume 2 is asked twice",
    ).toHaveLength(2);
    expect(model.stats.calls, "the other resumes are asked once each").toHaveLength(5);
    expect(shared.screenings?.[2]).toEqual({ file: "r2.txt", name: "Candidate 2", qualified: true });
  });

  it("marks a resume that never gets a usable answer, and screens the others", async () => {
    const model = timedModel([30, 30, 30]);
    model.llm.mockImplementation(async (prompt: string) =>
      prompt.includes("Candidate 1.") ? "??" : verdict("X", true),
    );
    const { shared } = await timedRun(3, model);
    expect(shared.screenings?.map((s) => s.qualified)).toEqual([true, false, true]);
    expect(shared.screenings?.[1]?.error, "the failed resume keeps its error").toEqual(expect.any(String));
  });
});

describe("buildParallelFlow", () => {
  it("starts on a ScreenInParallel and fills in shared.screenings", async () => {
    const model = timedModel([20, 20, 20]);
    const flow = buildParallelFlow(model.llm);
    expect(flow.startNode, "the flow should start on a ScreenInParallel").toBeInstanceOf(ScreenInParallel);
    const shared: ParallelStore = { resumes: resumes(3) };
    await flow.run(shared);
    expect(shared.screenings?.map((s) => s.name)).toEqual(["Candidate 0", "Candidate 1", "Candidate 2"]);
  });
});
