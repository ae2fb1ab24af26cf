// The capstone (lesson 22): a codebase to a tutorial. Each model answer is YAML, checked in exec, so
// a malformed one is asked for again; the chapters are a batch; the combine step is plain code.
import { Node, ParallelBatchNode, type Action, type NodeOptions } from "../../core/index";
import { isFatal, MalformedOutput } from "../utils/errors";
import type { Llm } from "../utils/llm";
import { readYaml } from "../utils/yaml";
import type { SourceFile } from "./files";

export type Abstraction = { name: string; description: string; files: number[] };
export type Relationship = { from: number; to: number; label: string };
export type Chapter = { number: number; title: string; file: string; markdown: string };

export interface TutorialStore {
  project: string;
  files: SourceFile[];
  maxAbstractions: number;
  abstractions?: Abstraction[];
  summary?: string;
  relationships?: Relationship[];
  order?: number[];
  chapters?: Chapter[];
  /** Markdown by file name: index.md and the chapters. */
  output?: Record<string, string>;
}

const indexOf = (entry: unknown, count: number, what: string): number => {
  const index = typeof entry === "number" ? entry : Number.parseInt(String(entry), 10);
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new MalformedOutput(`${what} names ${JSON.stringify(entry)}, but only 0–${count - 1} exist`);
  }
  return index;
};

export const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** A node that asks once, reads YAML and checks it; a malformed answer is asked for again at once. */
abstract class AskYaml<P, R> extends Node<TutorialStore, P, R> {
  constructor(
    protected readonly llm: Llm,
    protected readonly print: (text: string) => void,
    options: NodeOptions,
  ) {
    super(options);
  }
  protected async ask<T>(prompt: string, read: (answer: string) => T): Promise<T> {
    const answer = await this.llm.chat(prompt, { retry: this });
    try {
      return read(answer);
    } catch (error) {
      this.wait = 0;
      throw error;
    }
  }
  override execFallback(_prep: P, error: Error): R {
    if (!isFatal(error))
      this.print(`  The model's answer was still malformed after every retry: ${error.message}`);
    throw error;
  }
}

export class IdentifyAbstractions extends AskYaml<TutorialStore, Abstraction[]> {
  override prep(shared: TutorialStore) {
    return shared;
  }
  override exec({ project, files, maxAbstractions }: TutorialStore) {
    const prompt = [
      `For the project "${project}", here is its code:`,
      ...files.map((file, i) => `--- File ${i} # ${file.path}\n${file.content}`),
      `Name the 3 to ${maxAbstractions} abstractions a newcomer must understand, the most important first.`,
      "For each: a short `name`, a `description` for a beginner (two or three sentences, with an analogy),",
      "and `files`, the indices of the files it lives in, from this list:",
      files.map((file, i) => `- ${i} # ${file.path}`).join("\n"),
      "Respond ONLY with YAML in a fenced block:",
      "```yaml\nabstractions:\n  - name: Flow\n    description: …\n    files: [0, 2]\n```",
    ].join("\n\n");
    return this.ask(prompt, (answer) => {
      const { abstractions } = readYaml(answer, { abstractions: "list" });
      if (abstractions.length === 0) throw new MalformedOutput("the list of abstractions is empty");
      return abstractions.slice(0, maxAbstractions).map((item, i) => {
        const { name, description, files: refs } = (item ?? {}) as Record<string, unknown>;
        if (typeof name !== "string" || !name.trim())
          throw new MalformedOutput(`abstraction ${i} has no name`);
        if (typeof description !== "string") throw new MalformedOutput(`"${name}" has no description`);
        if (!Array.isArray(refs)) throw new MalformedOutput(`"${name}" has no list of files`);
        const indices = refs.map((ref) => indexOf(ref, files.length, `"${name}"`));
        return {
          name: name.trim(),
          description: description.trim(),
          files: [...new Set(indices)].sort((a, b) => a - b),
        };
      });
    });
  }
  override post(shared: TutorialStore, _prep: unknown, abstractions: Abstraction[]) {
    shared.abstractions = abstractions;
    this.print(`Found ${abstractions.length} abstractions: ${abstractions.map((a) => a.name).join(", ")}`);
  }
}

export class AnalyzeRelationships extends AskYaml<
  Abstraction[],
  { summary: string; relationships: Relationship[] }
> {
  override prep(shared: TutorialStore) {
    return shared.abstractions ?? [];
  }
  override exec(abstractions: Abstraction[]) {
    const prompt = [
      "These are the main abstractions of a codebase:",
      abstractions.map((a, i) => `- ${i} # ${a.name}: ${a.description}`).join("\n"),
      "Give a `summary` of the project for a beginner (two sentences), and the `relationships` between the",
      "abstractions: each with `from` and `to` (indices) and a `label` of a few words (such as: runs, copies).",
      "Respond ONLY with YAML in a fenced block:",
      '```yaml\nsummary: …\nrelationships:\n  - from: 1\n    to: 0\n    label: "runs"\n```',
    ].join("\n\n");
    return this.ask(prompt, (answer) => {
      const { summary, relationships } = readYaml(answer, { summary: "string", relationships: "list" });
      return {
        summary: summary.trim(),
        relationships: relationships.map((item) => {
          const { from, to, label } = (item ?? {}) as Record<string, unknown>;
          const count = abstractions.length;
          return {
            from: indexOf(from, count, "a relationship"),
            to: indexOf(to, count, "a relationship"),
            label: String(label ?? "uses"),
          };
        }),
      };
    });
  }
  override post(
    shared: TutorialStore,
    _prep: unknown,
    result: { summary: string; relationships: Relationship[] },
  ) {
    shared.summary = result.summary;
    shared.relationships = result.relationships;
  }
}

export class OrderChapters extends AskYaml<TutorialStore, number[]> {
  override prep(shared: TutorialStore) {
    return shared;
  }
  override exec({ abstractions = [], relationships = [] }: TutorialStore) {
    const prompt = [
      "In what order should a beginner learn these abstractions? Foundations first.",
      abstractions.map((a, i) => `- ${i} # ${a.name}`).join("\n"),
      relationships.map((r) => `- ${r.from} ${r.label} ${r.to}`).join("\n"),
      "List every index exactly once. Respond ONLY with YAML in a fenced block:",
      "```yaml\norder: [2, 0, 1]\n```",
    ].join("\n\n");
    return this.ask(prompt, (answer) => {
      const order = readYaml(answer, { order: "list" }).order.map((entry) =>
        indexOf(entry, abstractions.length, "the order"),
      );
      const missing = abstractions.map((_, i) => i).filter((i) => !order.includes(i));
      if (missing.length > 0 || order.length !== abstractions.length) {
        throw new MalformedOutput(
          `the order must list every abstraction once (missing: ${missing.join(", ") || "none"})`,
        );
      }
      return order;
    });
  }
  override post(shared: TutorialStore, _prep: unknown, order: number[]) {
    shared.order = order;
    const names = order.map((i) => shared.abstractions?.[i]?.name ?? "?");
    this.print(`Chapter order: ${names.join(" → ")}`);
  }
}

type ChapterJob = {
  number: number;
  name: string;
  description: string;
  code: SourceFile[];
  previous: string[];
  project: string;
};

export class WriteChapters extends ParallelBatchNode<TutorialStore, ChapterJob, Chapter> {
  constructor(
    private readonly llm: Llm,
    private readonly print: (text: string) => void,
    options: NodeOptions & { maxConcurrency?: number },
  ) {
    super(options);
  }
  override prep(shared: TutorialStore): ChapterJob[] {
    const ordered = (shared.order ?? []).flatMap((i) => shared.abstractions?.[i] ?? []);
    this.print(`Writing ${ordered.length} chapters…`);
    return ordered.map((abstraction, i) => ({
      number: i + 1,
      name: abstraction.name,
      description: abstraction.description,
      code: abstraction.files.flatMap((f) => shared.files[f] ?? []),
      previous: ordered.slice(0, i).map((before) => before.name),
      project: shared.project,
    }));
  }
  override async exec(job: ChapterJob): Promise<Chapter> {
    const prompt = [
      `Write chapter ${job.number} of a beginner's tutorial on "${job.project}": ${job.name}.`,
      job.description,
      job.previous.length
        ? `Earlier chapters: ${job.previous.join(", ")}. Build on them.`
        : "This is the first chapter.",
      "The code it lives in:",
      ...job.code.map((file) => `--- ${file.path}\n${file.content}`),
      "Write Markdown: why it exists, the idea with an analogy, a short code example from the files above",
      "(at most 15 lines), how it connects to the other chapters, and a three-line summary.",
    ].join("\n\n");
    const text = (await this.llm.chat(prompt, { retry: this }))
      .trim()
      .replace(/^```(?:markdown|md)?\n|```$/g, "");
    const heading = `# Chapter ${job.number}: ${job.name}`;
    const markdown = text.startsWith("# ") ? text : `${heading}\n\n${text}`;
    const file = `${String(job.number).padStart(2, "0")}_${slugify(job.name)}.md`;
    this.print(`  wrote ${file}`);
    return { number: job.number, title: job.name, file, markdown };
  }
  override post(shared: TutorialStore, _jobs: unknown, chapters: Chapter[]) {
    shared.chapters = chapters;
  }
}

/** Plain code: the store to files. The app writes them to disk; this step stays testable without one. */
export function combineTutorial(shared: TutorialStore): Record<string, string> {
  const abstractions = shared.abstractions ?? [];
  const chapters = shared.chapters ?? [];
  const quote = (text: string) => text.replaceAll('"', "'");
  const map = [
    "```mermaid",
    "flowchart TD",
    ...abstractions.map((a, i) => `  A${i}["${quote(a.name)}"]`),
    ...(shared.relationships ?? []).map((r) => `  A${r.from} -->|"${quote(r.label)}"| A${r.to}`),
    "```",
  ].join("\n");
  const links = chapters
    .map((chapter) => `${chapter.number}. [${chapter.title}](${chapter.file})`)
    .join("\n");
  const index = [`# Tutorial: ${shared.project}`, shared.summary ?? "", map, "## Chapters", links].join(
    "\n\n",
  );
  const output: Record<string, string> = { "index.md": `${index}\n` };
  for (const [i, chapter] of chapters.entries()) {
    const next = chapters[i + 1];
    const footer = next
      ? `\n\n---\n\nNext: [${next.title}](${next.file})`
      : "\n\n---\n\n[Back to the index](index.md)";
    output[chapter.file] = `${chapter.markdown}${footer}\n`;
  }
  return output;
}

export class CombineTutorial extends Node<TutorialStore, TutorialStore, Record<string, string>> {
  override prep(shared: TutorialStore) {
    return shared;
  }
  override exec(shared: TutorialStore) {
    return combineTutorial(shared);
  }
  override post(shared: TutorialStore, _prep: unknown, output: Record<string, string>): Action {
    shared.output = output;
    return "done";
  }
}
