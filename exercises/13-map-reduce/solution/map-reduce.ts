// Map-reduce: screen every resume on its own (map, a BatchNode), then add the results up (reduce, a Node).
import { parse } from "yaml";
import { BatchNode, Flow, Node, type NodeOptions } from "./pocketflow";

// #region types
export type CallLLM = (prompt: string) => Promise<string>;
export type ResumeFile = { file: string; text: string };
/** One resume's verdict; `error` is set when the model never gave a usable answer for it. */
export type Screening = { file: string; name: string; qualified: boolean; error?: string };
export type Summary = { total: number; qualified: number; qualifiedNames: string[]; unreadable: string[] };
export type ScreeningStore = { resumes: ResumeFile[]; screenings?: Screening[]; summary?: Summary };
// #endregion types

// #region given
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
// #endregion given

// #region map
/** The map step: exec sees ONE resume; BatchNode calls it once per item and hands post the list. */
export class ScreenResumes extends BatchNode<ScreeningStore, ResumeFile, Screening> {
  private readonly llm: CallLLM;

  constructor(llm: CallLLM, { maxRetries = 2, wait = 0 }: NodeOptions = {}) {
    super({ maxRetries, wait });
    this.llm = llm;
  }

  override prep(shared: ScreeningStore): ResumeFile[] {
    return shared.resumes;
  }

  override async exec(resume: ResumeFile): Promise<Screening> {
    const verdict = (readYamlBlock(await this.llm(screeningPrompt(resume.text))) ?? {}) as Record<
      string,
      unknown
    >;
    if (typeof verdict.name !== "string") throw new Error("name is missing");
    if (typeof verdict.qualified !== "boolean") throw new Error("qualified must be true or false");
    return { file: resume.file, name: verdict.name, qualified: verdict.qualified };
  }

  /** Retries are per item; one unreadable resume out of a thousand must not sink the batch. */
  override execFallback(resume: ResumeFile, error: Error): Screening {
    return { file: resume.file, name: "unknown", qualified: false, error: error.message };
  }

  override post(shared: ScreeningStore, _resumes: ResumeFile[], screenings: Screening[]): void {
    shared.screenings = screenings;
  }
}
// #endregion map

// #region reduce
/** The reduce step: plain code over all the screenings, no model needed. */
export class Summarize extends Node<ScreeningStore, Screening[], Summary> {
  override prep(shared: ScreeningStore): Screening[] {
    return shared.screenings ?? [];
  }

  override exec(screenings: Screening[]): Summary {
    const qualified = screenings.filter((s) => s.qualified);
    return {
      total: screenings.length,
      qualified: qualified.length,
      qualifiedNames: qualified.map((s) => s.name),
      unreadable: screenings.filter((s) => s.error !== undefined).map((s) => s.file),
    };
  }

  override post(shared: ScreeningStore, _screenings: Screening[], summary: Summary): void {
    shared.summary = summary;
  }
}
// #endregion reduce

// #region build
export function buildMapReduceFlow(llm: CallLLM, options?: NodeOptions): Flow<ScreeningStore> {
  const map = new ScreenResumes(llm, options);
  map.next(new Summarize());
  return new Flow(map);
}
// #endregion build
