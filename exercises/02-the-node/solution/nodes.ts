// Your first node: count the words of a text, with each hook doing its own part of the job.
import { BaseNode, type Action } from "./pocketflow";

export type TextStore = { text: string; wordCount?: number };

/** Counts the words in `shared.text` and stores the count in `shared.wordCount`. */
export class CountWords extends BaseNode<TextStore, string, number> {
  /** prep reads what the work needs from the shared store: the text. */
  override prep(shared: TextStore): string {
    return shared.text;
  }

  /** exec does the work from prep's result alone: a word is a run of non-space characters. */
  override exec(text: string): number {
    return text.split(/\s+/).filter((word) => word.length > 0).length;
  }

  /** post writes the result to the store and picks the action: "empty" for no words, else "counted". */
  override post(shared: TextStore, _text: string, count: number): Action {
    shared.wordCount = count;
    return count === 0 ? "empty" : "counted";
  }
}
