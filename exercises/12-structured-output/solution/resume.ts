// Structured output: ask the model for YAML, check its shape, and let retries absorb a bad answer.
import { parse } from "yaml";
import { Flow, Node, type Action, type NodeOptions } from "./pocketflow";

// #region types
export type CallLLM = (prompt: string) => Promise<string>;
export type Experience = { title: string; company: string };
export type Resume = { name: string; email: string; experience: Experience[] };
/** What exec (or, after the last failed attempt, execFallback) hands to post. */
export type ParseOutcome = { ok: true; resume: Resume } | { ok: false; error: string };
export type ResumeStore = { resumeText: string; resume?: Resume; error?: string };
// #endregion types

// #region prompt
/** Given: the prompt. It shows the model the exact YAML shape to answer with. */
export function resumePrompt(resumeText: string): string {
  return [
    "Read the resume below and extract the candidate's details.",
    "",
    resumeText,
    "",
    "Answer with a ```yaml fenced block only, in exactly this shape:",
    "```yaml",
    "name: Jane Doe",
    "email: jane@example.com",
    "experience:",
    "  - title: Manager",
    "    company: Corp A",
    "```",
  ].join("\n");
}
// #endregion prompt

// #region extract
/** The text inside the answer's ```yaml fence; the model's chatter around it is ignored. */
export function extractYaml(answer: string): string {
  const match = /```yaml\s*\n([\s\S]*?)```/i.exec(answer);
  if (!match?.[1]) throw new Error("the answer has no ```yaml block");
  return match[1].trim();
}
// #endregion extract

// #region validate
const isText = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";

/** Checks parsed YAML against the Resume shape; throws an error naming the first field that is wrong. */
export function validateResume(data: unknown): Resume {
  const fields = (data ?? {}) as Record<string, unknown>;
  if (!isText(fields.name)) throw new Error("name is missing");
  if (!isText(fields.email)) throw new Error("email is missing");
  if (!Array.isArray(fields.experience)) throw new Error("experience must be a list");
  const experience = fields.experience.map((entry: unknown, i): Experience => {
    const job = (entry ?? {}) as Record<string, unknown>;
    if (!isText(job.title) || !isText(job.company))
      throw new Error(`experience ${i + 1} needs a title and a company`);
    return { title: job.title, company: job.company };
  });
  return { name: fields.name, email: fields.email, experience };
}
// #endregion validate

// #region parse-resume
export class ParseResume extends Node<ResumeStore, string, ParseOutcome> {
  private readonly llm: CallLLM;

  /** Three attempts by default: a malformed answer is often fine when asked again. */
  constructor(llm: CallLLM, { maxRetries = 3, wait = 0 }: NodeOptions = {}) {
    super({ maxRetries, wait });
    this.llm = llm;
  }

  override prep(shared: ResumeStore): string {
    return shared.resumeText;
  }

  /** Any throw here (no fence, broken YAML, a missing field) makes the node try again. */
  override async exec(resumeText: string): Promise<ParseOutcome> {
    const answer = await this.llm(resumePrompt(resumeText));
    return { ok: true, resume: validateResume(parse(extractYaml(answer))) };
  }

  /** After the last attempt: report the failure instead of crashing the flow. */
  override execFallback(_resumeText: string, error: Error): ParseOutcome {
    return { ok: false, error: error.message };
  }

  override post(shared: ResumeStore, _resumeText: string, outcome: ParseOutcome): Action {
    if (!outcome.ok) {
      shared.error = outcome.error;
      return "failed";
    }
    shared.resume = outcome.resume;
    return "parsed";
  }
}
// #endregion parse-resume

export function buildResumeFlow(llm: CallLLM, options?: NodeOptions): Flow<ResumeStore> {
  return new Flow(new ParseResume(llm, options));
}
