// Lesson 15: a workflow is a chain of focused prompts. Outline → one draft per section → combine them.
// Runs offline with a scripted model: `npx tsx content/snippets/15-workflow/guide.ts`
import { parse } from "yaml";
import { BatchNode, Flow, Node } from "../../../core/index";

type CallLLM = (prompt: string) => Promise<string>;

// #region store
type Draft = { title: string; text: string };
type GuideStore = {
  topic: string;
  outline?: string[]; // written by Outline: the section titles
  drafts?: Draft[]; // written by DraftSections: one per title, in outline order
  guide?: string; // written by Combine
};
// #endregion store

/** The titles from a ```yaml block holding `sections: [...]`; anything else is an empty list. */
function readTitles(answer: string): string[] {
  const body = answer.split("```yaml")[1]?.split("```")[0] ?? "";
  const data = (parse(body) ?? {}) as { sections?: unknown };
  return Array.isArray(data.sections) ? data.sections.map(String).filter((title) => title.trim()) : [];
}

// #region outline
/** Step 1, plan: a short prompt, and an answer that code checks before going on. */
class Outline extends Node<GuideStore, string, string[]> {
  constructor(private readonly llm: CallLLM) {
    // A bad outline costs one call to replace; bad drafts would cost many.
    super({ maxRetries: 3 });
  }

  override prep(shared: GuideStore) {
    return shared.topic;
  }

  override async exec(topic: string) {
    const answer = await this.llm(
      `Plan a short beginner's guide to ${topic}. ` +
        "Reply with 3 to 5 section titles, as YAML:\n" +
        "```yaml\nsections:\n  - <title>\n```",
    );
    const titles = readTitles(answer);
    // The gate: throw, so the retry asks again and nothing bad reaches the store.
    if (titles.length < 3 || titles.length > 5) {
      throw new Error(`wanted 3 to 5 sections, got ${titles.length}`);
    }
    return titles;
  }

  override post(shared: GuideStore, _topic: string, titles: string[]) {
    shared.outline = titles;
  }
}
// #endregion outline

// #region task
/** What one draft call needs. exec never sees the store: the item carries it all. */
type DraftTask = { topic: string; outline: string[]; index: number };

/** A focused prompt that still sees the whole plan, so sections do not overlap. */
function draftPrompt({ topic, outline, index }: DraftTask): string {
  const mark = (i: number) => (i === index ? "→" : " ");
  const plan = outline.map((title, i) => `${mark(i)} ${i + 1}. ${title}`);
  return [
    `You are writing one section of a beginner's guide to ${topic}. The plan:`,
    plan.join("\n"),
    "Write the section marked → as one paragraph of about 80 words.",
    "Leave the subjects of the other sections to them.",
  ].join("\n\n");
}
// #endregion task

class DraftSections extends BatchNode<GuideStore, DraftTask, Draft> {
  constructor(private readonly llm: CallLLM) {
    super({ maxRetries: 2 });
  }

  override prep(shared: GuideStore) {
    const outline = shared.outline ?? [];
    return outline.map((_title, index) => ({ topic: shared.topic, outline, index }));
  }

  override async exec(task: DraftTask) {
    const title = task.outline[task.index] ?? "";
    return { title, text: (await this.llm(draftPrompt(task))).trim() };
  }

  override post(shared: GuideStore, _tasks: DraftTask[], drafts: Draft[]) {
    shared.drafts = drafts;
  }
}

/** Step 3: the one prompt that sees every draft, so it can smooth the seams between them. */
class Combine extends Node<GuideStore, { topic: string; drafts: Draft[] }, string> {
  constructor(private readonly llm: CallLLM) {
    super();
  }

  override prep(shared: GuideStore) {
    return { topic: shared.topic, drafts: shared.drafts ?? [] };
  }

  override exec({ topic, drafts }: { topic: string; drafts: Draft[] }) {
    const body = drafts.map(({ title, text }) => `## ${title}\n\n${text}`).join("\n\n");
    return this.llm(`Edit this beginner's guide to ${topic} into one text. Keep the headings.\n\n${body}`);
  }

  override post(shared: GuideStore, _input: unknown, guide: string) {
    shared.guide = guide;
  }
}

// A scripted model: its first outline is too long (so the gate rejects it), then everything goes well.
const prompts: string[] = [];
let outlines = 0;
const llm: CallLLM = async (prompt) => {
  prompts.push(prompt);
  if (prompt.startsWith("Plan")) {
    outlines += 1;
    const titles =
      outlines === 1 ? ["A", "B", "C", "D", "E", "F", "G"] : ["Kit", "First loaf", "Troubleshooting"];
    return "```yaml\nsections:\n" + titles.map((title) => `  - ${title}\n`).join("") + "```";
  }
  if (prompt.startsWith("Edit"))
    return `# Sourdough for beginners\n\n(${prompt.split("## ").length - 1} sections)`;
  return `(a paragraph for: ${/→ \d\. (.+)/.exec(prompt)?.[1] ?? "?"})`;
};

// #region run
const outline = new Outline(llm);
// A straight line: every edge is "default".
outline.next(new DraftSections(llm)).next(new Combine(llm));

const shared: GuideStore = { topic: "sourdough baking" };
await new Flow(outline).run(shared);

// The first word of every prompt sent, in order:
console.log(prompts.map((prompt) => prompt.split(" ")[0]).join(" → "));
// Plan → Plan → You → You → You → Edit
// (a rejected outline, the outline, 3 drafts, the combine step)
console.log(shared.outline);
// [ 'Kit', 'First loaf', 'Troubleshooting' ]
console.log(shared.drafts?.[1]);
// { title: 'First loaf', text: '(a paragraph for: First loaf)' }
// #endregion run
