// decide —search→ search —decide→ decide … —answer→ answer. The loop ends by the step limit at the latest.
import { Flow, type NodeOptions } from "../../core/index";
import type { Llm } from "../utils/llm";
import { AnswerQuestion, DecideAction, SearchLessons, type AgentStore, type SearchTool } from "./nodes";

export function createAgentFlow(
  llm: Llm,
  search: SearchTool,
  print: (text: string) => void,
  retry: NodeOptions,
) {
  const decide = new DecideAction(llm, print, retry);
  const searchNode = new SearchLessons(search, print);
  decide.on("search", searchNode);
  decide.on("answer", new AnswerQuestion(llm, retry));
  searchNode.on("decide", decide); // the loop: back to the brain with more context
  return new Flow<AgentStore>(decide);
}
