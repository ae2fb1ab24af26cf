// identify → relationships → order → write the chapters (a batch) → combine.
import { Flow, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";
import {
  AnalyzeRelationships,
  CombineTutorial,
  IdentifyAbstractions,
  OrderChapters,
  WriteChapters,
  type TutorialStore,
} from "./nodes";

export function createTutorialFlow(
  llm: Llm,
  print: (text: string) => void,
  retry: NodeOptions,
  maxConcurrency = 2,
) {
  const identify = new IdentifyAbstractions(llm, print, retry);
  identify
    .next(new AnalyzeRelationships(llm, print, retry))
    .next(new OrderChapters(llm, print, retry))
    .next(new WriteChapters(llm, print, { ...retry, maxConcurrency }))
    .next(new CombineTutorial());
  return new Flow<TutorialStore>(identify);
}
