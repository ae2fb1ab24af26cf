// One node that turns free text into checked data: ask for YAML, validate, retry, fall back.
import { Node, type NodeOptions } from "../../core/index";
import { isFatal, MalformedOutput } from "../utils/errors";
import type { Llm } from "../utils/llm";
import { readYaml, validate } from "../utils/yaml";

export interface Job {
  title: string;
  company: string;
}
export interface Resume {
  name: string;
  email: string;
  experience: Job[];
}

/** Either the parsed resume, or why no valid answer came after every attempt. */
export type ParseOutcome = { ok: true; resume: Resume } | { ok: false; error: string };

export interface ResumeStore {
  resumeText: string;
  outcome?: ParseOutcome;
  /** How many attempts exec needed (1 = the first answer was valid). */
  attempts?: number;
}

export function resumePrompt(resumeText: string, problem?: string): string {
  return `Analyze the resume below. Output ONLY the requested information in YAML format.

**Resume:**
\`\`\`
${resumeText}
\`\`\`

**YAML Output Requirements:**
- Extract \`name\` (string).
- Extract \`email\` (string).
- Extract \`experience\` (list of objects with \`title\` and \`company\`).

**Example Format:**
\`\`\`yaml
name: Jane Doe
email: jane@example.com
experience:
  - title: Manager
    company: Corp A
\`\`\`
${problem ? `\nYour previous answer was rejected: ${problem}. Follow the format exactly.\n` : ""}
Generate the YAML output now:`;
}

/** Throws MalformedOutput unless the answer holds a resume with every required field. */
export function readResume(answer: string): Resume {
  const data = readYaml(answer, { name: "string", email: "string", experience: "list" });
  const experience = data.experience.map((job, i) => {
    if (typeof job !== "object" || job === null)
      throw new MalformedOutput(`experience item ${i + 1} is not a mapping`);
    const { title, company } = validate(job as Record<string, unknown>, {
      title: "string",
      company: "string",
    });
    return { title, company };
  });
  return { name: data.name, email: data.email, experience };
}

export class ParseResume extends Node<ResumeStore, string, ParseOutcome> {
  /** What was wrong with the previous answer, told to the model on the next attempt. */
  private problem: string | undefined;

  constructor(
    private readonly llm: Llm,
    private readonly note: (text: string) => void,
    options: NodeOptions,
  ) {
    super(options);
  }

  override prep(shared: ResumeStore): string {
    return shared.resumeText;
  }

  override async exec(resumeText: string): Promise<ParseOutcome> {
    const answer = await this.llm.chat(resumePrompt(resumeText, this.problem), { retry: this });
    try {
      return { ok: true, resume: readResume(answer) };
    } catch (error) {
      if (!(error instanceof MalformedOutput)) throw error;
      this.problem = error.message;
      this.wait = 0; // a reworded answer needs no pause, unlike a rate limit
      this.note(`  Attempt ${this.curRetry + 1}: malformed answer (${error.message}).`);
      throw error;
    }
  }

  /** Every attempt failed: report it as data, unless it is an error no answer could fix (bad key...). */
  override execFallback(_resumeText: string, error: Error): ParseOutcome {
    if (isFatal(error)) throw error;
    return { ok: false, error: error.message };
  }

  override post(shared: ResumeStore, _prepRes: string, outcome: ParseOutcome) {
    shared.outcome = outcome;
    shared.attempts = this.curRetry + 1;
  }
}
