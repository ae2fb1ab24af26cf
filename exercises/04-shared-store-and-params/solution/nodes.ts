// Two nodes that never call each other: they talk only through the shared store, and take their
// settings (which file, how long a summary) from params.
import { Node } from "./pocketflow";

export type DocStore = {
  /** A stand-in for the disk: file name → contents. */
  files: Record<string, string>;
  /** ReadFile writes the file's tidied text here; Summarize reads it from here. */
  text?: string;
  /** Summarize writes each summary here, under the name of its file. */
  summaries: Record<string, string>;
};

/** What Summarize's exec works from: prep gathers it from the store and from params. */
export type SummarizeInput = { text: string; maxWords: number };

/** Reads the file named by `params.file` and stores its text, trimmed, with each run of whitespace as one space. */
export class ReadFile extends Node<DocStore, string, string> {
  override prep(shared: DocStore): string {
    const file = String(this.params.file);
    const contents = shared.files[file];
    if (contents === undefined) throw new Error(`No file named '${file}'`);
    return contents;
  }

  override exec(contents: string): string {
    return contents.trim().split(/\s+/).join(" ");
  }

  override post(shared: DocStore, _contents: string, text: string): void {
    shared.text = text;
  }
}

/** Keeps the first `params.maxWords` words (5 if unset) of `shared.text`, with "…" when it cut any. */
export class Summarize extends Node<DocStore, SummarizeInput, string> {
  override prep(shared: DocStore): SummarizeInput {
    return { text: shared.text ?? "", maxWords: Number(this.params.maxWords ?? 5) };
  }

  override exec({ text, maxWords }: SummarizeInput): string {
    const words = text.split(" ");
    return words.length > maxWords ? `${words.slice(0, maxWords).join(" ")}…` : text;
  }

  override post(shared: DocStore, _input: SummarizeInput, summary: string): void {
    shared.summaries[String(this.params.file)] = summary;
  }
}
