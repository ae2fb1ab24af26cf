// Parallel calls: lesson 13's map step with many model calls in flight at once, but never more than a limit.
//
// As given, ScreenInParallel is lesson 13's BatchNode: one call after another. Make it parallel, with a limit.
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */
import { parse } from "yaml";
import { BatchNode, Flow, ParallelBatchNode, type ConcurrencyOptions, type NodeOptions } from "./pocketflow";

export type CallLLM = (prompt: string) => Promise<string>;
export type ResumeFile = { file: string; text: string };
export type Screening = { file: string; name: string; qualified: boolean; error?: string };
export type ParallelStore = { resumes: ResumeFile[]; screenings?: Screening[] };
/** maxRetries and wait as for any Node, plus maxConcurrency: the most model calls in flight at once. */
export type ParallelOptions = NodeOptions & ConcurrencyOptions;

/** Given: the prompt for one resume (as in lesson 13). */
export function screeningPrompt(resumeText: string): string {
  return [
    "Does this candidate have at least 3 years of software experience?",
    "",
    resumeText,
    "",
    "Answer with a ```yaml block only:",
    "```yaml",
    "name: <the candidate's name>",
    "qualified: true  # or false",
    "```",
  ].join("\n");
}

/** Given: lesson 13's checks, in one function. Throws on an unusable answer, so the item is retried. */
export function readScreening(answer: string, file: string): Screening {
  const match = /```yaml\s*\n([\s\S]*?)```/i.exec(answer);
  if (!match?.[1]) throw new Error("the answer has no ```yaml block");
  const verdict = (parse(match[1]) ?? {}) as Record<string, unknown>;
  if (typeof verdict.name !== "string") throw new Error("name is missing");
  if (typeof verdict.qualified !== "boolean") throw new Error("qualified must be true or false");
  return { file, name: verdict.name, qualified: verdict.qualified };
}

/** TODO: extend ParallelBatchNode instead of BatchNode, so the items' calls overlap. */
export class ScreenInParallel extends BatchNode<ParallelStore, ResumeFile, Screening> {
  private readonly llm: CallLLM;

  /** 5 calls at a time by default: fast, yet within a typical provider's rate limit. */
  constructor(llm: CallLLM, { maxConcurrency = 5, maxRetries = 2, wait = 0 }: ParallelOptions = {}) {
    super({ maxRetries, wait }); // TODO: pass maxConcurrency on too (ParallelBatchNode's constructor takes it)
    this.llm = llm;
  }

  override prep(shared: ParallelStore): ResumeFile[] {
    throw new Error("TODO: prep: return the list of resumes from the shared store");
  }

  /** Written exactly as for a BatchNode: the node, not exec, decides how many run at once. */
  override async exec(resume: ResumeFile): Promise<Screening> {
    throw new Error(
      "TODO: exec: ask this.llm with screeningPrompt(resume.text) and return readScreening(answer, resume.file)",
    );
  }

  override execFallback(resume: ResumeFile, error: Error): Screening {
    return { file: resume.file, name: "unknown", qualified: false, error: error.message };
  }

  /** Results arrive in input order, whatever order the calls finished in. */
  override post(shared: ParallelStore, _resumes: ResumeFile[], screenings: Screening[]): void {
    throw new Error("TODO: post: store the screenings in shared.screenings");
  }
}

export function buildParallelFlow(llm: CallLLM, options?: ParallelOptions): Flow<ParallelStore> {
  throw new Error(
    "TODO: buildParallelFlow: a Flow that starts on a ScreenInParallel built with llm and options",
  );
}
