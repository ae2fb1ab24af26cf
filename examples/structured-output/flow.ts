// A single-node flow: structured output needs no graph, only a node that insists on the right shape.
import { Flow, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";
import { ParseResume, type ResumeStore } from "./nodes";

export function createResumeFlow(llm: Llm, note: (text: string) => void, retry: NodeOptions) {
  return new Flow<ResumeStore>(new ParseResume(llm, note, retry));
}
