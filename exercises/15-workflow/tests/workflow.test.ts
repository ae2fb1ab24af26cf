// The workflow: outline → one draft per section (a batch) → combine, each step reading what the last one stored.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BatchNode } from "../pocketflow";
import {
  buildWorkflowFlow,
  Combine,
  combinePrompt,
  DraftSections,
  draftPrompt,
  Outline,
  outlinePrompt,
  parseOutline,
  type ArticleStore,
} from "../workflow";
import { explained } from "./helpers";

const TOPIC = "AI Safety";
const OUTLINE = "1. Introduction\n2. Key Risks\n\n- Solutions\n";

/** A writer model that recognizes the three given prompts and logs which step asked what. */
function writerModel(...outlines: string[]) {
  const log: string[] = [];
  let outlineCalls = 0;
  const llm = vi.fn(async (prompt: string) => {
    if (prompt === outlinePrompt(TOPIC)) {
      log.push("outline");
      return outlines[outlineCalls++] ?? OUTLINE;
    }
    const title = /section "(.*)"\.$/.exec(prompt)?.[1];
    if (title !== undefined && prompt === draftPrompt({ topic: TOPIC, title })) {
      log.push(`draft ${title}`);
      return `Text about ${title}.`;
    }
    if (title !== undefined) {
      throw new Error(
        `a draft prompt does not match draftPrompt({ topic: "${TOPIC}", title: "${title}" }): check the SectionTask`,
      );
    }
    if (prompt.startsWith(combinePrompt(TOPIC, ""))) {
      log.push("combine");
      return "AI Safety: the whole article.";
    }
    throw new Error(
      `unexpected prompt "${prompt.slice(0, 60)}…": build prompts with the given prompt functions`,
    );
  });
  return { llm, log };
}

/** The run of a flow or node; an error escaping it means a scripted bad answer was not handled. */
const settled = <T>(run: Promise<T>) =>
  explained(
    run,
    "the run",
    "an empty outline is scripted on purpose in some tests: Outline's exec should throw on it so that " +
      "Outline (maxRetries 2) asks again.",
  );

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("parseOutline", () => {
  it("turns each line of the answer into a section title, without list markers", () => {
    expect(parseOutline("1. Introduction\n2) Key Risks\n- Solutions\n* Outlook\n• Sources")).toEqual([
      "Introduction",
      "Key Risks",
      "Solutions",
      "Outlook",
      "Sources",
    ]);
  });

  it("strips only the list marker: titles that start with digits or contain -, * or . survive", () => {
    const answer = [
      "2024 outlook",
      "1. 2024 outlook",
      "- 3D printing",
      "2) Risks - and fixes",
      "* Version 2.0 *beta*",
      "- .NET on Linux",
      "10. Ten lessons",
    ].join("\n");
    expect(
      parseOutline(answer),
      "remove one marker (-, *, •, 1. or 2)) and the spaces after it, nothing more: a title's own digits, " +
        "dashes, stars and dots are part of it",
    ).toEqual([
      "2024 outlook",
      "2024 outlook",
      "3D printing",
      "Risks - and fixes",
      "Version 2.0 *beta*",
      ".NET on Linux",
      "Ten lessons",
    ]);
  });

  it("drops blank lines and spaces, and keeps plain titles as they are", () => {
    expect(parseOutline("\n  Why it matters  \n\nRisks - and fixes\n   \n")).toEqual([
      "Why it matters",
      "Risks - and fixes",
    ]);
  });
});

describe("the workflow's steps", () => {
  it("runs the outline, then one draft per section, then the combine step", async () => {
    const { llm, log } = writerModel();
    await settled(buildWorkflowFlow(llm).run({ topic: TOPIC }));
    expect(log, "each step runs once, in order; drafting makes one call per section").toEqual([
      "outline",
      "draft Introduction",
      "draft Key Risks",
      "draft Solutions",
      "combine",
    ]);
  });

  it("stores the outline's section titles in shared.sections", async () => {
    const shared: ArticleStore = { topic: TOPIC };
    await settled(new Outline(writerModel().llm).run(shared));
    expect(shared.sections).toEqual(["Introduction", "Key Risks", "Solutions"]);
  });

  it("asks for the outline again when it comes back empty", async () => {
    const { llm, log } = writerModel("\n\n", OUTLINE);
    const shared: ArticleStore = { topic: TOPIC };
    await settled(new Outline(llm).run(shared));
    expect(log, "an outline without sections should throw in exec, so Outline retries").toEqual([
      "outline",
      "outline",
    ]);
    expect(shared.sections).toHaveLength(3);
  });

  it("drafts with a BatchNode: one call per section, with the topic and that section's title", async () => {
    const { llm } = writerModel();
    const node = new DraftSections(llm);
    expect(node, "DraftSections should extend BatchNode").toBeInstanceOf(BatchNode);
    const shared: ArticleStore = { topic: TOPIC, sections: ["Introduction", "Key Risks"] };
    await settled(node.run(shared));
    expect(
      llm.mock.calls.map(([prompt]) => prompt),
      "each draft prompt is draftPrompt({ topic, title })",
    ).toEqual([
      draftPrompt({ topic: TOPIC, title: "Introduction" }),
      draftPrompt({ topic: TOPIC, title: "Key Risks" }),
    ]);
    expect(shared.drafts, "shared.drafts: one { title, text } per section, in outline order").toEqual([
      { title: "Introduction", text: "Text about Introduction." },
      { title: "Key Risks", text: "Text about Key Risks." },
    ]);
  });

  it("combines every draft under its title, in outline order, and stores the article", async () => {
    const { llm } = writerModel();
    const shared: ArticleStore = {
      topic: TOPIC,
      drafts: [
        { title: "Risks", text: "First, the risks." },
        { title: "Fixes", text: "Then, the fixes." },
      ],
    };
    await settled(new Combine(llm).run(shared));
    const prompt = llm.mock.calls[0]?.[0] ?? "";
    expect(
      prompt,
      'the combined body is "## <title>", a blank line, the text; drafts separated by a blank line',
    ).toBe(combinePrompt(TOPIC, "## Risks\n\nFirst, the risks.\n\n## Fixes\n\nThen, the fixes."));
    expect(shared.article).toBe("AI Safety: the whole article.");
  });
});

describe("the workflow flow", () => {
  it("chains Outline → DraftSections → Combine with default actions", () => {
    const flow = buildWorkflowFlow(writerModel().llm);
    const outline = flow.startNode;
    const drafts = outline?.successors.get("default");
    expect(outline, "the flow should start on Outline").toBeInstanceOf(Outline);
    expect(drafts, "Outline should lead to DraftSections").toBeInstanceOf(DraftSections);
    expect(drafts?.successors.get("default"), "DraftSections should lead to Combine").toBeInstanceOf(Combine);
  });

  it("leaves the whole story in the shared store: topic, sections, drafts and article", async () => {
    const shared: ArticleStore = { topic: TOPIC };
    await settled(buildWorkflowFlow(writerModel().llm).run(shared));
    expect(shared).toEqual({
      topic: TOPIC,
      sections: ["Introduction", "Key Risks", "Solutions"],
      drafts: [
        { title: "Introduction", text: "Text about Introduction." },
        { title: "Key Risks", text: "Text about Key Risks." },
        { title: "Solutions", text: "Text about Solutions." },
      ],
      article: "AI Safety: the whole article.",
    });
  });

  it("drafts as many sections as the outline has", async () => {
    const { llm, log } = writerModel("- A\n- B\n- C\n- D\n- E");
    await settled(buildWorkflowFlow(llm).run({ topic: TOPIC }));
    expect(
      log.filter((step) => step.startsWith("draft")),
      "5 sections, 5 draft calls",
    ).toHaveLength(5);
    expect(llm, "1 outline + 5 drafts + 1 combine").toHaveBeenCalledTimes(7);
  });
});
