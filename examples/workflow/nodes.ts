// A fixed pipeline of LLM steps: outline → a draft per section (BatchNode) → one polished article.
import { BatchNode, Node, type NodeOptions } from "../../core/index";
import { MalformedOutput } from "../utils/errors";
import type { Llm } from "../utils/llm";
import { readYaml } from "../utils/yaml";

export interface ArticleStore {
  topic: string;
  /** How many sections the outline should have. */
  sectionCount: number;
  sectionTitles?: string[];
  sectionDrafts?: string[];
  finalArticle?: string;
}

type Note = (text: string) => void;

export class GenerateOutline extends Node<ArticleStore, { topic: string; count: number }, string[]> {
  constructor(
    private readonly llm: Llm,
    private readonly note: Note,
    options: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: ArticleStore) {
    return { topic: shared.topic, count: shared.sectionCount };
  }

  /** Asks for YAML rather than "one title per line", so chatty answers cannot sneak in extra lines. */
  override async exec({ topic, count }: { topic: string; count: number }): Promise<string[]> {
    const answer = await this.llm.chat(
      `List exactly ${count} section titles for a short article about "${topic}". ` +
        "Answer ONLY with YAML in a fenced block:\n```yaml\nsections:\n  - <title>\n  - <title>\n```",
      { retry: this },
    );
    try {
      const titles = readYaml(answer, { sections: "list" }).sections.map(String).filter(Boolean);
      if (titles.length === 0) throw new MalformedOutput("the outline has no sections");
      return titles.slice(0, count);
    } catch (error) {
      this.wait = 0; // a malformed outline is asked for again at once
      this.note(
        `  Outline attempt ${this.curRetry + 1} was malformed (${String(error instanceof Error ? error.message : error)}).`,
      );
      throw error;
    }
  }

  override post(shared: ArticleStore, _prepRes: unknown, titles: string[]) {
    shared.sectionTitles = titles;
    this.note(`Outline:\n${titles.map((title, i) => `  ${i + 1}. ${title}`).join("\n")}\n`);
  }
}

interface SectionJob {
  topic: string;
  title: string;
}

/** One LLM call per section title, one after another; post gets the drafts in outline order. */
export class DraftSections extends BatchNode<ArticleStore, SectionJob, string> {
  constructor(
    private readonly llm: Llm,
    private readonly note: Note,
    options: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: ArticleStore): SectionJob[] {
    return (shared.sectionTitles ?? []).map((title) => ({ topic: shared.topic, title }));
  }

  override async exec({ topic, title }: SectionJob): Promise<string> {
    const draft = await this.llm.chat(
      `Write one paragraph (about 80 words) for the section "${title}" of an article about "${topic}". ` +
        "Plain prose, no heading.",
      { retry: this },
    );
    this.note(`  Drafted: ${title}`);
    return `## ${title}\n\n${draft.trim()}`;
  }

  override post(shared: ArticleStore, _jobs: SectionJob[], drafts: string[]) {
    shared.sectionDrafts = drafts;
  }
}

export class CombineAndRefine extends Node<ArticleStore, { topic: string; drafts: string[] }, string> {
  constructor(
    private readonly llm: Llm,
    options: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: ArticleStore) {
    return { topic: shared.topic, drafts: shared.sectionDrafts ?? [] };
  }

  override async exec({ topic, drafts }: { topic: string; drafts: string[] }): Promise<string> {
    return this.llm.chat(
      `Combine these sections into one polished article about "${topic}" in Markdown: add a title, ` +
        `smooth the transitions, keep the section headings.\n\n${drafts.join("\n\n")}`,
      { retry: this },
    );
  }

  override post(shared: ArticleStore, _prepRes: unknown, article: string) {
    shared.finalArticle = article.trim();
  }
}
