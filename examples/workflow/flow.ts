// outline >> drafts >> combine: a straight line, so every link is "default".
import { Flow, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";
import { CombineAndRefine, DraftSections, GenerateOutline, type ArticleStore } from "./nodes";

export function createWorkflowFlow(llm: Llm, note: (text: string) => void, retry: NodeOptions) {
  const outline = new GenerateOutline(llm, note, retry);
  outline.next(new DraftSections(llm, note, retry)).next(new CombineAndRefine(llm, retry));
  return new Flow<ArticleStore>(outline);
}
