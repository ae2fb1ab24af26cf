// Structured output: ask the model for YAML, check its shape, and let retries absorb a bad answer.
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */
import { parse } from "yaml";
import { Flow, Node, type Action, type NodeOptions } from "./pocketflow";

export type CallLLM = (prompt: string) => Promise<string>;
export type Experience = { title: string; company: string };
export type Resume = { name: string; email: string; experience: Experience[] };
/** What exec (or, after the last failed attempt, execFallback) hands to post. */
export type ParseOutcome = { ok: true; resume: Resume } | { ok: false; error: string };
export type ResumeStore = { resumeText: string; resume?: Resume; error?: string };

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

/** The text inside the answer's ```yaml fence; the model's chatter around it is ignored. */
export function extractYaml(answer: string): string {
  throw new Error(
    "TODO: extractYaml: return the trimmed text between ```yaml and the closing ```; throw if there is none",
  );
}

/** Checks parsed YAML against the Resume shape; throws an error naming the first field that is wrong. */
export function validateResume(data: unknown): Resume {
  throw new Error(
    "TODO: validateResume: throw unless name and email are non-empty strings and experience is a list of { title, company }",
  );
}

export class ParseResume extends Node<ResumeStore, string, ParseOutcome> {
  private readonly llm: CallLLM;

  /** Three attempts by default: a malformed answer is often fine when asked again. */
  constructor(llm: CallLLM, { maxRetries = 3, wait = 0 }: NodeOptions = {}) {
    super({ maxRetries, wait });
    this.llm = llm;
  }

  override prep(shared: ResumeStore): string {
    throw new Error("TODO: prep: return the resume text from the shared store");
  }

  /** Any throw here (no fence, broken YAML, a missing field) makes the node try again. */
  override async exec(resumeText: string): Promise<ParseOutcome> {
    throw new Error(
      "TODO: exec: ask this.llm with resumePrompt, then extractYaml → parse (from yaml) → validateResume; return { ok: true, resume }",
    );
  }

  /** After the last attempt: report the failure instead of crashing the flow. */
  override execFallback(_resumeText: string, error: Error): ParseOutcome {
    throw new Error("TODO: execFallback: return { ok: false, error } with the last error's message");
  }

  override post(shared: ResumeStore, _resumeText: string, outcome: ParseOutcome): Action {
    throw new Error(
      'TODO: post: store shared.resume and return "parsed", or store shared.error and return "failed"',
    );
  }
}

export function buildResumeFlow(llm: CallLLM, options?: NodeOptions): Flow<ResumeStore> {
  throw new Error("TODO: buildResumeFlow: a Flow that starts on a ParseResume built with llm and options");
}
