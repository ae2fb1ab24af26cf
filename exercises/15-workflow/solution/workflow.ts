// A workflow: a fixed chain of steps, each one focused prompt. Outline → one draft per section → combine.
import { BatchNode, Flow, Node } from "./pocketflow";

// #region types
export type CallLLM = (prompt: string) => Promise<string>;
/** What drafting one section needs: the article's topic and the section's title. */
export type SectionTask = { topic: string; title: string };
export type Draft = { title: string; text: string };
export type CombineInput = { topic: string; drafts: Draft[] };
export type ArticleStore = { topic: string; sections?: string[]; drafts?: Draft[]; article?: string };
// #endregion types

// #region prompts
/** Given: the three prompts. Each step asks for one small, clear thing. */
export const outlinePrompt = (topic: string) =>
  `Write the outline of a short article about "${topic}": 3 to 5 section titles, one per line, nothing else.`;

export const draftPrompt = ({ topic, title }: SectionTask) =>
  `You are writing an article about "${topic}". Write one paragraph for the section "${title}".`;

export const combinePrompt = (topic: string, body: string) =>
  `Polish this draft of an article about "${topic}" into one coherent text. Keep its sections.\n\n${body}`;
// #endregion prompts

// #region outline
/** "- Intro", "2. Risks" and "* Ideas" become "Intro", "Risks" and "Ideas"; blank lines are dropped. */
export function parseOutline(answer: string): string[] {
  return answer
    .split("\n")
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, "").trim())
    .filter((line) => line !== "");
}

export class Outline extends Node<ArticleStore, string, string[]> {
  private readonly llm: CallLLM;

  constructor(llm: CallLLM) {
    super({ maxRetries: 2 }); // an empty outline is worth asking for again
    this.llm = llm;
  }

  override prep(shared: ArticleStore): string {
    return shared.topic;
  }

  override async exec(topic: string): Promise<string[]> {
    const sections = parseOutline(await this.llm(outlinePrompt(topic)));
    if (sections.length === 0) throw new Error("the outline has no sections");
    return sections;
  }

  override post(shared: ArticleStore, _topic: string, sections: string[]): void {
    shared.sections = sections;
  }
}
// #endregion outline

// #region drafts
/** One model call per section: a batch whose items are the outline's titles. */
export class DraftSections extends BatchNode<ArticleStore, SectionTask, Draft> {
  private readonly llm: CallLLM;

  constructor(llm: CallLLM) {
    super();
    this.llm = llm;
  }

  override prep(shared: ArticleStore): SectionTask[] {
    return (shared.sections ?? []).map((title) => ({ topic: shared.topic, title }));
  }

  override async exec(task: SectionTask): Promise<Draft> {
    return { title: task.title, text: await this.llm(draftPrompt(task)) };
  }

  override post(shared: ArticleStore, _tasks: SectionTask[], drafts: Draft[]): void {
    shared.drafts = drafts;
  }
}
// #endregion drafts

// #region combine
/** Puts the drafts together under their titles, then asks for one polished article. */
export class Combine extends Node<ArticleStore, CombineInput, string> {
  private readonly llm: CallLLM;

  constructor(llm: CallLLM) {
    super();
    this.llm = llm;
  }

  override prep(shared: ArticleStore): CombineInput {
    return { topic: shared.topic, drafts: shared.drafts ?? [] };
  }

  override async exec({ topic, drafts }: CombineInput): Promise<string> {
    const body = drafts.map((draft) => `## ${draft.title}\n\n${draft.text}`).join("\n\n");
    return this.llm(combinePrompt(topic, body));
  }

  override post(shared: ArticleStore, _input: CombineInput, article: string): void {
    shared.article = article;
  }
}
// #endregion combine

// #region build
export function buildWorkflowFlow(llm: CallLLM): Flow<ArticleStore> {
  const outline = new Outline(llm);
  outline.next(new DraftSections(llm)).next(new Combine(llm));
  return new Flow(outline);
}
// #endregion build
