// map >> reduce, with the map running up to `maxConcurrency` LLM calls at once.
import { Flow, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";
import { TallyScreenings, type Screening, type ScreeningStore } from "../utils/resumes";
import { ScreenResumesParallel } from "./nodes";

export function createParallelFlow(
  llm: Llm,
  onScreened: (s: Screening) => void,
  options: NodeOptions & { maxConcurrency: number },
) {
  const map = new ScreenResumesParallel(llm, onScreened, options);
  map.next(new TallyScreenings());
  return new Flow<ScreeningStore>(map);
}
