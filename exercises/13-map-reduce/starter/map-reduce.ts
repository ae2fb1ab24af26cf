// Map-reduce: screen every resume on its own (map, a BatchNode), then add the results up (reduce, a Node).
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */
import { parse } from "yaml";
import { BatchNode, Flow, Node, type NodeOptions } from "./pocketflow";

export type CallLLM = (prompt: string) => Promise<string>;
export type ResumeFile = { file: string; text: string };
/** One resume's verdict; `error` is set when the model never gave a usable answer for it. */
export type Screening = { file: string; name: string; qualified: boolean; error?: string };
export type Summary = { total: number; qualified: number; qualifiedNames: string[]; unreadable: string[] };
export type ScreeningStore = { resumes: ResumeFile[]; screenings?: Screening[]; summary?: Summary };

/** Given: the prompt for one resume. */
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

/** Given: the parsed contents of the answer's ```yaml block (lesson 12); throws if there is none. */
export function readYamlBlock(answer: string): unknown {
  const match = /```yaml\s*\n([\s\S]*?)```/i.exec(answer);
  if (!match?.[1]) throw new Error("the answer has no ```yaml block");
  return parse(match[1]);
}

/** The map step: exec sees ONE resume; BatchNode calls it once per item and hands post the list. */
export class ScreenResumes extends BatchNode<ScreeningStore, ResumeFile, Screening> {
  private readonly llm: CallLLM;

  constructor(llm: CallLLM, { maxRetries = 2, wait = 0 }: NodeOptions = {}) {
    super({ maxRetries, wait });
    this.llm = llm;
  }

  override prep(shared: ScreeningStore): ResumeFile[] {
    throw new Error("TODO: prep: return the list of resumes from the shared store");
  }

  override async exec(resume: ResumeFile): Promise<Screening> {
    throw new Error(
      "TODO: exec: ask this.llm about ONE resume, read its yaml block, check name (text) and qualified (true/false)",
    );
  }

  /** Retries are per item; one unreadable resume out of a thousand must not sink the batch. */
  override execFallback(resume: ResumeFile, error: Error): Screening {
    throw new Error(
      'TODO: execFallback: return a not-qualified Screening named "unknown", with the error\'s message',
    );
  }

  override post(shared: ScreeningStore, _resumes: ResumeFile[], screenings: Screening[]): void {
    throw new Error("TODO: post: store the list of screenings in shared.screenings");
  }
}

/** The reduce step: plain code over all the screenings, no model needed. */
export class Summarize extends Node<ScreeningStore, Screening[], Summary> {
  override prep(shared: ScreeningStore): Screening[] {
    throw new Error("TODO: prep: return shared.screenings (an empty list if there are none)");
  }

  override exec(screenings: Screening[]): Summary {
    throw new Error(
      "TODO: exec: count all and qualified screenings, list the qualified names and the files that have an error",
    );
  }

  override post(shared: ScreeningStore, _screenings: Screening[], summary: Summary): void {
    throw new Error("TODO: post: store the summary in shared.summary");
  }
}

export function buildMapReduceFlow(llm: CallLLM, options?: NodeOptions): Flow<ScreeningStore> {
  throw new Error("TODO: buildMapReduceFlow: ScreenResumes (with llm, options) → Summarize, in a Flow");
}
