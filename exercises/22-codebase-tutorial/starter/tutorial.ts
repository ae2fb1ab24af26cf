// Capstone: a codebase to a tutorial. Find the code's main abstractions, how they relate and in what
// order to teach them, write a chapter for each (a batch), and combine them into Markdown files.
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */
import { parse } from "yaml";
import { BatchNode, Flow, Node } from "./pocketflow";

export type CallLLM = (prompt: string) => Promise<string>;
export type SourceFile = { path: string; content: string };
/** A concept worth a chapter; `files` are indices into the store's files. */
export type Abstraction = { name: string; description: string; files: number[] };
/** `from` and `to` are indices into the abstractions. */
export type Relationship = { from: number; to: number; label: string };
export type Chapter = { number: number; title: string; file: string; markdown: string };

export type TutorialStore = {
  project: string;
  files: SourceFile[];
  abstractions?: Abstraction[];
  summary?: string;
  relationships?: Relationship[];
  /** Indices of the abstractions, in the order the chapters teach them. */
  order?: number[];
  chapters?: Chapter[];
  /** The tutorial: Markdown text by file name (index.md and one file per chapter). */
  output?: Record<string, string>;
};

/** Given: the object in a reply's ```yaml block; throws when there is none. */
export function fencedYaml(reply: string): unknown {
  const block = /```ya?ml\s*\n([\s\S]*?)```/.exec(reply)?.[1];
  if (block === undefined) throw new Error("the reply has no ```yaml block");
  return parse(block) as unknown;
}

/** Given: an index from `3` or `"3 # src/flow.ts"` (models like to add the name as a comment). */
export function indexOf(entry: unknown): number {
  const index = typeof entry === "number" ? entry : Number.parseInt(String(entry), 10);
  if (!Number.isInteger(index)) throw new Error(`not an index: ${JSON.stringify(entry)}`);
  return index;
}

/** Given: "Shared Store" → "shared-store". */
export const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const listing = (files: SourceFile[]) => files.map((file, i) => `- ${i} # ${file.path}`).join("\n");

/** Given: the prompts. Each starts with its own heading, which the tests' scripted model reads. */
export const prompts = {
  abstractions: (project: string, files: SourceFile[]) =>
    [
      `## Abstractions of ${project}`,
      ...files.map((file, i) => `--- ${i} # ${file.path}\n${file.content}`),
      "Name the 3 to 6 most important abstractions for a beginner. Reply with a ```yaml list of",
      "`name`, `description` (what it is, with an analogy) and `files` (indices from this list):",
      listing(files),
    ].join("\n\n"),
  relationships: (abstractions: Abstraction[]) =>
    [
      "## Relationships",
      abstractions.map((a, i) => `- ${i} # ${a.name}: ${a.description}`).join("\n"),
      "Reply with a ```yaml block: `summary` (the project in two sentences) and `relationships`, a list of",
      "`from`, `to` (indices) and `label` (a few words, such as 'runs' or 'copies').",
    ].join("\n\n"),
  order: (abstractions: Abstraction[], relationships: Relationship[]) =>
    [
      "## Order",
      abstractions.map((a, i) => `- ${i} # ${a.name}`).join("\n"),
      relationships.map((r) => `- ${r.from} ${r.label} ${r.to}`).join("\n"),
      "In what order should a beginner learn them? Foundations first. Reply with a ```yaml list of indices.",
    ].join("\n\n"),
  chapter: (job: ChapterJob) =>
    [
      `## Chapter ${job.number}: ${job.name}`,
      job.description,
      job.previous.length > 0
        ? `Chapters before this one: ${job.previous.join(", ")}`
        : "This is the first chapter.",
      job.code.map((file) => `--- ${file.path}\n${file.content}`).join("\n\n"),
      "Write the chapter in Markdown for a beginner: motivation, the idea with an analogy, short code, a summary.",
    ].join("\n\n"),
};

/** The abstractions in a reply, checked: a non-empty list, each with a name, a description and valid files. */
export function parseAbstractions(reply: string, fileCount: number): Abstraction[] {
  throw new Error(
    "TODO: parseAbstractions: fencedYaml; a non-empty list; each with a name and a description (strings) and files (indexOf each, 0 ≤ i < fileCount, once each, sorted); else throw",
  );
}

/** Given: the relationships and the summary, checked like the abstractions. */
export function parseRelationships(reply: string, count: number) {
  const { summary, relationships } = (fencedYaml(reply) ?? {}) as Record<string, unknown>;
  if (typeof summary !== "string") throw new Error("the reply has no summary");
  if (!Array.isArray(relationships)) throw new Error("the reply has no list of relationships");
  const checked = relationships.map((item: unknown): Relationship => {
    const { from, to, label } = (item ?? {}) as Record<string, unknown>;
    const ends = [indexOf(from), indexOf(to)];
    if (ends.some((end) => end < 0 || end >= count))
      throw new Error(`a relationship leads outside 0–${count - 1}`);
    return { from: ends[0] ?? 0, to: ends[1] ?? 0, label: String(label ?? "uses") };
  });
  return { summary: summary.trim(), relationships: checked };
}

/** The chapter order in a reply: every abstraction's index exactly once. */
export function parseOrder(reply: string, count: number): number[] {
  throw new Error(
    "TODO: parseOrder: fencedYaml; a list; indexOf each; every index 0 … count - 1 exactly once and nothing else; else throw",
  );
}

/** Given: the three analysis steps. Each validates its reply in exec, so a malformed one is asked again. */
export class IdentifyAbstractions extends Node<TutorialStore, TutorialStore, Abstraction[]> {
  constructor(private readonly llm: CallLLM) {
    super({ maxRetries: 3 });
  }
  override prep(shared: TutorialStore) {
    return shared;
  }
  override async exec({ project, files }: TutorialStore) {
    return parseAbstractions(await this.llm(prompts.abstractions(project, files)), files.length);
  }
  override post(shared: TutorialStore, _prep: unknown, abstractions: Abstraction[]) {
    shared.abstractions = abstractions;
  }
}

export class AnalyzeRelationships extends Node<
  TutorialStore,
  Abstraction[],
  ReturnType<typeof parseRelationships>
> {
  constructor(private readonly llm: CallLLM) {
    super({ maxRetries: 3 });
  }
  override prep(shared: TutorialStore) {
    return shared.abstractions ?? [];
  }
  override async exec(abstractions: Abstraction[]) {
    return parseRelationships(await this.llm(prompts.relationships(abstractions)), abstractions.length);
  }
  override post(
    shared: TutorialStore,
    _prep: unknown,
    { summary, relationships }: ReturnType<typeof parseRelationships>,
  ) {
    shared.summary = summary;
    shared.relationships = relationships;
  }
}

export class OrderChapters extends Node<TutorialStore, TutorialStore, number[]> {
  constructor(private readonly llm: CallLLM) {
    super({ maxRetries: 3 });
  }
  override prep(shared: TutorialStore) {
    return shared;
  }
  override async exec({ abstractions = [], relationships = [] }: TutorialStore) {
    return parseOrder(await this.llm(prompts.order(abstractions, relationships)), abstractions.length);
  }
  override post(shared: TutorialStore, _prep: unknown, order: number[]) {
    shared.order = order;
  }
}

/** Everything one chapter is written from: known before any chapter is written. */
export type ChapterJob = {
  number: number;
  name: string;
  description: string;
  /** The abstraction's own files only: each prompt stays small. */
  code: SourceFile[];
  /** The titles of the chapters before it, so the text can build on them. */
  previous: string[];
};

/** Given: a chapter's file name, such as `02_shared-store.md`. */
export const chapterFile = (number: number, name: string) =>
  `${String(number).padStart(2, "0")}_${slugify(name)}.md`;

/** One model call per chapter, in the chosen order: a batch. */
export class WriteChapters extends BatchNode<TutorialStore, ChapterJob, Chapter> {
  constructor(private readonly llm: CallLLM) {
    super({ maxRetries: 3 });
  }

  override prep(shared: TutorialStore): ChapterJob[] {
    throw new Error(
      "TODO: prep: one ChapterJob per index of shared.order: number from 1, the abstraction's name and description, its own files as code, the names before it as previous",
    );
  }

  override async exec(job: ChapterJob): Promise<Chapter> {
    throw new Error(
      'TODO: exec: ask this.llm with prompts.chapter(job); make sure the text starts with "# Chapter N: Name"; file: chapterFile(number, name)',
    );
  }

  override post(shared: TutorialStore, _jobs: unknown, chapters: Chapter[]) {
    throw new Error("TODO: post: store the chapters in shared.chapters");
  }
}

/** The tutorial's files: index.md (summary, a Mermaid map of the abstractions, the chapter list) and the chapters. */
export function combineTutorial(shared: TutorialStore): Record<string, string> {
  throw new Error(
    'TODO: combineTutorial: index.md with "# Tutorial: <project>", the summary, a ```mermaid flowchart (a node per abstraction, an arrow per relationship, labelled), and "1. [Title](file)" links; plus each chapter\'s markdown under its file',
  );
}

/** Given: the last step, which writes nothing to disk: the files stay in the store. */
export class CombineTutorial extends Node<TutorialStore, TutorialStore, Record<string, string>> {
  override prep(shared: TutorialStore) {
    return shared;
  }
  override exec(shared: TutorialStore) {
    return combineTutorial(shared);
  }
  override post(shared: TutorialStore, _prep: unknown, output: Record<string, string>) {
    shared.output = output;
  }
}

/** identify → relationships → order → write (a batch) → combine. */
export function buildTutorialFlow(llm: CallLLM): Flow<TutorialStore> {
  throw new Error(
    "TODO: buildTutorialFlow: IdentifyAbstractions → AnalyzeRelationships → OrderChapters → WriteChapters → CombineTutorial, in a Flow",
  );
}
