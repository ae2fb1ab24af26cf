// Two nodes that never call each other: they talk only through the shared store, and take their
// settings (which file, how long a summary) from params.
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */
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
    // A name that is not in shared.files is an error: throw new Error(`No file named '${file}'`).
    throw new Error("TODO: prep: return the contents of the file named this.params.file, from shared.files");
  }

  override exec(contents: string): string {
    throw new Error(
      'TODO: exec: trim contents and turn each run of whitespace into one space ("a \\n b" → "a b")',
    );
  }

  override post(shared: DocStore, _contents: string, text: string): void {
    throw new Error("TODO: post: store the tidied text in shared.text");
  }
}

/** Keeps the first `params.maxWords` words (5 if unset) of `shared.text`, with "…" when it cut any. */
export class Summarize extends Node<DocStore, SummarizeInput, string> {
  override prep(shared: DocStore): SummarizeInput {
    throw new Error(
      'TODO: prep: return { text: shared.text (or ""), maxWords: this.params.maxWords (or 5) }',
    );
  }

  override exec({ text, maxWords }: SummarizeInput): string {
    throw new Error('TODO: exec: keep the first maxWords words of text, adding "…" only if some were cut');
  }

  override post(shared: DocStore, _input: SummarizeInput, summary: string): void {
    throw new Error("TODO: post: store summary in shared.summaries, under the name this.params.file");
  }
}
