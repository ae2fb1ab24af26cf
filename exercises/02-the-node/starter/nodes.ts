// Your first node: count the words of a text, with each hook doing its own part of the job.
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */
import { BaseNode, type Action } from "./pocketflow";

export type TextStore = { text: string; wordCount?: number };

/** Counts the words in `shared.text` and stores the count in `shared.wordCount`. */
export class CountWords extends BaseNode<TextStore, string, number> {
  /** prep reads what the work needs from the shared store: the text. */
  override prep(shared: TextStore): string {
    throw new Error("TODO: prep: return the text from the shared store");
  }

  /** exec does the work from prep's result alone: a word is a run of non-space characters. */
  override exec(text: string): number {
    throw new Error('TODO: exec: count the words in text ("  two   words " has 2, "" has 0)');
  }

  /** post writes the result to the store and picks the action: "empty" for no words, else "counted". */
  override post(shared: TextStore, _text: string, count: number): Action {
    throw new Error('TODO: post: store count in shared.wordCount; return "empty" or "counted"');
  }
}
