// Map-reduce: one model call per resume (map), then plain code that adds the verdicts up (reduce).
// Calls are observed through the injected model, never through the node instance: a BatchNode may run
// items on copies (lesson 14 swaps in a ParallelBatchNode, which does), and copies carry no spies.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BatchNode } from "../pocketflow";
import {
  buildMapReduceFlow,
  ScreenResumes,
  screeningPrompt,
  Summarize,
  type ResumeFile,
  type Screening,
  type ScreeningStore,
} from "../map-reduce";
import { explained } from "./helpers";

const RESUMES: ResumeFile[] = [
  { file: "ada.txt", text: "Ada Lovelace. 8 years of programming." },
  { file: "bob.txt", text: "Bob Stone. 1 year as a barista." },
  { file: "cy.txt", text: "Cy Young. 5 years of TypeScript." },
  { file: "dee.txt", text: "Dee Ray. Student, no experience yet." },
];

const verdict = (name: string, qualified: boolean) =>
  `\`\`\`yaml\nname: ${name}\nqualified: ${qualified}\n\`\`\``;
const GOOD_ANSWERS: Record<string, string> = {
  "ada.txt": verdict("Ada Lovelace", true),
  "bob.txt": verdict("Bob Stone", false),
  "cy.txt": verdict("Cy Young", true),
  "dee.txt": verdict("Dee Ray", false),
};

/** A model that recognizes which resume a prompt is about and answers from `answers` (a list = one per call). */
function screeningModel(answers: Record<string, string | string[]> = GOOD_ANSWERS, resumes = RESUMES) {
  const asked: string[] = [];
  const llm = vi.fn(async (prompt: string) => {
    const resume = resumes.find((r) => prompt.includes(r.text));
    if (!resume)
      throw new Error("the prompt does not contain any resume's text: use screeningPrompt(resume.text)");
    asked.push(resume.file);
    const scripted = answers[resume.file] ?? "";
    if (typeof scripted === "string") return scripted;
    return scripted[asked.filter((file) => file === resume.file).length - 1] ?? "(no more answers)";
  });
  return { llm, asked };
}

/** A count of how often each file was asked about, in input order of first appearance. */
const countsOf = (asked: string[]) =>
  Object.fromEntries([...new Set(asked)].map((file) => [file, asked.filter((f) => f === file).length]));

/** The run of a flow or node; an error escaping it means a scripted bad answer was not handled. */
const settled = <T>(run: Promise<T>) =>
  explained(
    run,
    "the run",
    "some scripted answers are unusable on purpose. exec should throw on them so that item is asked " +
      "again, and after its last attempt execFallback should return a not-qualified screening with the " +
      "error, so one bad resume never stops the batch.",
  );

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("the map step: ScreenResumes", () => {
  it("is a BatchNode, so exec handles one resume at a time", async () => {
    const { llm } = screeningModel();
    const node = new ScreenResumes(llm);
    expect(node, "ScreenResumes should extend BatchNode").toBeInstanceOf(BatchNode);
    await settled(node.run({ resumes: RESUMES }));
    expect(llm, "one model call per resume: exec handles one ResumeFile").toHaveBeenCalledTimes(4);
    expect(
      llm.mock.calls.map(([prompt]) => prompt).sort(),
      "each call's prompt is screeningPrompt(resume.text) for one resume",
    ).toEqual(RESUMES.map((resume) => screeningPrompt(resume.text)).sort());
  });

  it("asks the model once about each resume of shared.resumes", async () => {
    const { llm, asked } = screeningModel();
    await settled(new ScreenResumes(llm).run({ resumes: RESUMES }));
    expect(countsOf(asked), "one call per resume").toEqual({
      "ada.txt": 1,
      "bob.txt": 1,
      "cy.txt": 1,
      "dee.txt": 1,
    });
  });

  it("stores one screening per resume in shared.screenings, in input order", async () => {
    const shared: ScreeningStore = { resumes: RESUMES };
    await settled(new ScreenResumes(screeningModel().llm).run(shared));
    expect(shared.screenings, "post receives the screenings in the order of shared.resumes").toEqual([
      { file: "ada.txt", name: "Ada Lovelace", qualified: true },
      { file: "bob.txt", name: "Bob Stone", qualified: false },
      { file: "cy.txt", name: "Cy Young", qualified: true },
      { file: "dee.txt", name: "Dee Ray", qualified: false },
    ]);
  });

  it("asks again about one resume whose answer was malformed, and only about that one", async () => {
    const { llm, asked } = screeningModel({
      ...GOOD_ANSWERS,
      "bob.txt": ["Bob? Not sure.", verdict("Bob Stone", false)],
    });
    const shared: ScreeningStore = { resumes: RESUMES };
    await settled(new ScreenResumes(llm).run(shared));
    expect(countsOf(asked), "bob.txt is asked again; the others once").toEqual({
      "ada.txt": 1,
      "bob.txt": 2,
      "cy.txt": 1,
      "dee.txt": 1,
    });
    expect(shared.screenings?.[1]).toEqual({ file: "bob.txt", name: "Bob Stone", qualified: false });
  });

  it('treats a qualified that is not true or false (like "maybe") as a malformed answer', async () => {
    const { llm } = screeningModel({
      ...GOOD_ANSWERS,
      "cy.txt": ["```yaml\nname: Cy Young\nqualified: maybe\n```", verdict("Cy Young", true)],
    });
    const shared: ScreeningStore = { resumes: RESUMES };
    await settled(new ScreenResumes(llm).run(shared));
    expect(llm, '"maybe" should fail the check in exec, so cy.txt is asked twice').toHaveBeenCalledTimes(5);
    expect(shared.screenings?.[2]?.qualified).toBe(true);
  });

  it("marks a resume that never gets a usable answer as not qualified, and screens the rest", async () => {
    const { llm } = screeningModel({ ...GOOD_ANSWERS, "bob.txt": "I cannot read this." });
    const shared: ScreeningStore = { resumes: RESUMES };
    const outcome = await new ScreenResumes(llm).run(shared).then(
      () => "finished",
      (error: Error) => `threw "${error.message}"`,
    );
    expect(outcome, "one unreadable resume must not stop the batch: execFallback returns a screening").toBe(
      "finished",
    );
    const bob = shared.screenings?.[1];
    expect(bob, "bob.txt's screening comes from execFallback").toMatchObject({
      file: "bob.txt",
      name: "unknown",
      qualified: false,
    });
    expect(bob?.error, "the screening keeps the last error's message").toEqual(expect.any(String));
    expect(shared.screenings?.map((s) => s.name)).toEqual(["Ada Lovelace", "unknown", "Cy Young", "Dee Ray"]);
  });
});

describe("the reduce step: Summarize", () => {
  const screenings: Screening[] = [
    { file: "ada.txt", name: "Ada Lovelace", qualified: true },
    { file: "bob.txt", name: "unknown", qualified: false, error: "the answer has no ```yaml block" },
    { file: "cy.txt", name: "Cy Young", qualified: true },
  ];

  it("counts the screenings and the qualified candidates, and names them in order", async () => {
    const shared: ScreeningStore = { resumes: [], screenings };
    await new Summarize().run(shared);
    expect(shared.summary, "shared.summary after the reduce step").toEqual({
      total: 3,
      qualified: 2,
      qualifiedNames: ["Ada Lovelace", "Cy Young"],
      unreadable: ["bob.txt"],
    });
  });

  it("summarizes no screenings as zeros and empty lists", async () => {
    const shared: ScreeningStore = { resumes: [] };
    await new Summarize().run(shared);
    expect(shared.summary, "with no shared.screenings yet, prep should fall back to []").toEqual({
      total: 0,
      qualified: 0,
      qualifiedNames: [],
      unreadable: [],
    });
  });
});

describe("the map-reduce flow", () => {
  it("runs ScreenResumes, then Summarize", () => {
    const flow = buildMapReduceFlow(screeningModel().llm);
    const map = flow.startNode;
    expect(map, "the flow should start on ScreenResumes").toBeInstanceOf(ScreenResumes);
    expect(
      map?.successors.get("default"),
      "ScreenResumes's default action should lead to Summarize",
    ).toBeInstanceOf(Summarize);
  });

  it("fills in shared.screenings and shared.summary, calling the model only in the map step", async () => {
    const { llm } = screeningModel();
    const shared: ScreeningStore = { resumes: RESUMES };
    await settled(buildMapReduceFlow(llm).run(shared));
    expect(shared.screenings).toHaveLength(4);
    expect(shared.summary, "shared.summary after the whole flow").toEqual({
      total: 4,
      qualified: 2,
      qualifiedNames: ["Ada Lovelace", "Cy Young"],
      unreadable: [],
    });
    expect(llm, "one call per resume; the reduce step adds up without the model").toHaveBeenCalledTimes(4);
  });

  it("passes maxRetries on to the map step", async () => {
    const { llm, asked } = screeningModel({ ...GOOD_ANSWERS, "dee.txt": "no idea" });
    const shared: ScreeningStore = { resumes: RESUMES };
    await settled(buildMapReduceFlow(llm, { maxRetries: 3 }).run(shared));
    expect(
      asked.filter((file) => file === "dee.txt"),
      "maxRetries: 3 means three attempts for dee.txt",
    ).toHaveLength(3);
    expect(shared.summary?.unreadable).toEqual(["dee.txt"]);
  });

  it("screens a thousand resumes and adds them all up", async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ file: `r${i}.txt`, text: `Resume number ${i}.` }));
    const answers = Object.fromEntries(many.map((r, i) => [r.file, verdict(`Candidate ${i}`, i % 4 === 0)]));
    const shared: ScreeningStore = { resumes: many };
    await settled(buildMapReduceFlow(screeningModel(answers, many).llm).run(shared));
    expect(shared.summary?.total).toBe(1000);
    expect(shared.summary?.qualified, "every 4th candidate is qualified").toBe(250);
  });
});
