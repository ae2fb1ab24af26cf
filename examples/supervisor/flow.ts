// researcher (lesson 16's agent, a flow) → supervisor; "revise" → writer (a flow) → supervisor; "approve" → done.
import { Flow, type NodeOptions } from "../../core/index";
import { createAgentFlow } from "../agent/flow";
import type { SearchTool } from "../agent/nodes";
import type { Llm } from "../utils/llm";
import type { Budget } from "./budget";
import { Done, Rewrite, Supervise, type TeamStore } from "./nodes";

export function createTeamFlow(
  llm: Llm,
  budget: Budget,
  search: SearchTool,
  print: (text: string) => void,
  retry: NodeOptions,
) {
  const counted = budget.wrap(llm); // every agent asks through the one budget
  const researcher = createAgentFlow(counted, search, print, retry);
  const writer = new Flow<TeamStore>(new Rewrite(counted, print, retry));
  const supervisor = new Supervise(counted, budget, print, retry);
  researcher.on("done", supervisor); // the agent's flow ends with its answer's action, "done"
  supervisor.on("revise", writer).next(supervisor);
  supervisor.on("approve", new Done());
  return new Flow<TeamStore>(researcher);
}
