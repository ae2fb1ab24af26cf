// map >> reduce: screen every resume, then tally.
import { Flow, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";
import { TallyScreenings, type Screening, type ScreeningStore } from "../utils/resumes";
import { ScreenResumes } from "./nodes";

export function createMapReduceFlow(llm: Llm, onScreened: (s: Screening) => void, retry: NodeOptions) {
  const map = new ScreenResumes(llm, onScreened, retry);
  map.next(new TallyScreenings());
  return new Flow<ScreeningStore>(map);
}
