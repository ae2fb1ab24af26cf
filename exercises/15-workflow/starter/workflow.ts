// A workflow: a fixed chain of steps, each one focused prompt. Outline → one draft per section → combine.
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */
import { BatchNode, Flow, Node } from "./pocketflow";

export type CallLLM = (prompt: string) => Promise<string>;
/** What drafting one section needs: the article's topic and the section's title. */
export type SectionTask = { topic: string; title: string };
export type Draft = { title: string; text: string };
export type CombineInput = { topic: string; drafts: Draft[] };
export type ArticleStore = { topic: string; sections?: string[]; drafts?: Draft[]; article?: string };

/** Given: the three prompts. Each step asks for one small, clear thing. */
export const outlinePrompt = (topic: string) =>
  `Write the outline of a short article about "${topic}": 3 to 5 section titles, one per line, nothing else.`;

export const draftPrompt = ({ topic, title }: SectionTask) =>
  `You are writing an article about "${topic}". Write one paragraph for the section "${title}".`;

export const combinePrompt = (topic: string, body: string) =>
  `Polish this draft of an article about "${topic}" into one coherent text. Keep its sections.\n\n${body}`;

/** "- Intro", "2. Risks" and "* Ideas" become "Intro", "Risks" and "Ideas"; blank lines are dropped. */
export function parseOutline(answer: string): string[] {
  throw new Error(
    "TODO: parseOutline: one title per line, without list markers or spaces around it; no blank lines",
  );
}

export class Outline extends Node<ArticleStore, string, string[]> {
  private readonly llm: CallLLM;

  constructor(llm: CallLLM) {
    super({ maxRetries: 2 }); // an empty outline is worth asking for again
    this.llm = llm;
  }

  override prep(shared: ArticleStore): string {
    throw new Error("TODO: prep: return the topic");
  }

  override async exec(topic: string): Promise<string[]> {
    throw new Error(
      "TODO: exec: ask this.llm with outlinePrompt(topic), parse the outline; throw if it has no sections",
    );
  }

  override post(shared: ArticleStore, _topic: string, sections: string[]): void {
    throw new Error("TODO: post: store the section titles in shared.sections");
  }
}

/** One model call per section: a batch whose items are the outline's titles. */
export class DraftSections extends BatchNode<ArticleStore, SectionTask, Draft> {
  private readonly llm: CallLLM;

  constructor(llm: CallLLM) {
    super();
    this.llm = llm;
  }

  override prep(shared: ArticleStore): SectionTask[] {
    throw new Error("TODO: prep: one SectionTask { topic, title } per title in shared.sections");
  }

  override async exec(task: SectionTask): Promise<Draft> {
    throw new Error("TODO: exec: ask this.llm with draftPrompt(task); return the section's { title, text }");
  }

  override post(shared: ArticleStore, _tasks: SectionTask[], drafts: Draft[]): void {
    throw new Error("TODO: post: store the drafts in shared.drafts");
  }
}

/** Puts the drafts together under their titles, then asks for one polished article. */
export class Combine extends Node<ArticleStore, CombineInput, string> {
  private readonly llm: CallLLM;

  constructor(llm: CallLLM) {
    super();
    this.llm = llm;
  }

  override prep(shared: ArticleStore): CombineInput {
    throw new Error("TODO: prep: return the topic and shared.drafts");
  }

  override async exec({ topic, drafts }: CombineInput): Promise<string> {
    throw new Error(
      'TODO: exec: join the drafts as "## <title>\\n\\n<text>" blocks separated by a blank line, and ask this.llm with combinePrompt',
    );
  }

  override post(shared: ArticleStore, _input: CombineInput, article: string): void {
    throw new Error("TODO: post: store the article in shared.article");
  }
}

export function buildWorkflowFlow(llm: CallLLM): Flow<ArticleStore> {
  throw new Error("TODO: buildWorkflowFlow: chain Outline → DraftSections → Combine with next(), in a Flow");
}
