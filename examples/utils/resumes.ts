// The resume-screening task shared by map-reduce (one by one) and parallel (many at once): the prompt and
// its checked answer, what each item of the map node does, and the reduce node that tallies the results.
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Node } from "../../core/index";
import { ConfigError, isFatal, MalformedOutput } from "./errors";
import type { Llm } from "./llm";
import type { RetryState } from "./retry";
import { readYaml } from "./yaml";

export const SAMPLE_RESUMES = fileURLToPath(new URL("../map-reduce/resumes/", import.meta.url));
export const DEFAULT_ROLE =
  "Backend engineer: 3+ years of professional software development, with TypeScript or Python.";

export interface ResumeFile {
  file: string;
  text: string;
}

export interface Screening {
  file: string;
  name: string;
  qualifies: boolean;
  reasons: string[];
  /** Set when no valid answer came after every attempt; the resume then counts as unscreened. */
  error?: string;
  /** How long this resume took, retries included. */
  ms: number;
}

export async function loadResumes(dir: string): Promise<ResumeFile[]> {
  const names = await readdir(dir).catch(() => {
    throw new ConfigError(`Cannot read the resumes folder '${dir}'.`);
  });
  const files = names.filter((name) => name.endsWith(".txt")).sort();
  if (files.length === 0) throw new ConfigError(`No resumes (*.txt) in '${dir}'.`);
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(join(dir, file), "utf8") })));
}

/** `count` made-up resumes (deterministic), to feel what screening hundreds of them is like. */
export function generateResumes(count: number): ResumeFile[] {
  const first = ["Ada", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun"];
  const last = ["Park", "Nguyen", "Silva", "Khan", "Novak", "Diaz", "Ito", "Berg"];
  const jobs = ["Python developer", "TypeScript engineer", "sales associate", "nurse", "Java developer"];
  return Array.from({ length: count }, (_, i) => {
    const name = `${first[i % first.length]} ${last[(i * 7) % last.length]}`;
    const years = 1 + ((i * 5) % 9);
    const job = jobs[(i * 3) % jobs.length];
    const file = `generated-${String(i + 1).padStart(4, "0")}.txt`;
    return {
      file,
      text: `${name} — ${name.toLowerCase().replace(" ", ".")}@example.com\n${job}, ${years} years.`,
    };
  });
}

export function screeningPrompt(resume: ResumeFile, role: string): string {
  return `You screen resumes for this role: ${role}

Resume (${basename(resume.file)}):
\`\`\`
${resume.text.trim()}
\`\`\`

Does the candidate qualify? Answer ONLY with YAML in a fenced block, like this:
\`\`\`yaml
name: <the candidate's full name>
qualifies: true
reasons:
  - <one short reason>
\`\`\``;
}

/** One LLM call and a checked answer; MalformedOutput makes the node try again. */
export async function screen(llm: Llm, node: RetryState, resume: ResumeFile, role: string) {
  const answer = await llm.chat(screeningPrompt(resume, role), { retry: node });
  try {
    const data = readYaml(answer, { name: "string", qualifies: "boolean", reasons: "list" });
    if (data.reasons.some((reason) => typeof reason !== "string"))
      throw new MalformedOutput("reasons must be text");
    return {
      file: resume.file,
      name: data.name,
      qualifies: data.qualifies,
      reasons: data.reasons as string[],
    };
  } catch (error) {
    node.wait = 0; // asking again for a well-formed answer needs no pause, unlike a rate limit
    throw error;
  }
}

/** After the last attempt: one bad resume should not sink the batch, but a bad key should. */
export function unscreened(resume: ResumeFile, error: Error): Omit<Screening, "ms"> {
  if (isFatal(error)) throw error;
  return { file: resume.file, name: "?", qualifies: false, reasons: [], error: error.message };
}

/** The shared store of both examples. */
export interface ScreeningStore {
  role: string;
  resumes: ResumeFile[];
  screenings?: Screening[];
  tally?: Tally;
}

/** One item of the map node's batch: exec sees only its item, so each carries the role too. */
export interface ScreeningJob {
  resume: ResumeFile;
  role: string;
}

/** The map node's prep, in both examples: one job per resume. */
export function screeningJobs(shared: ScreeningStore): ScreeningJob[] {
  return shared.resumes.map((resume) => ({ resume, role: shared.role }));
}

/** The map node's exec, in both examples: screen one resume, time it, and report it as it lands. */
export async function screenJob(
  llm: Llm,
  node: RetryState,
  { resume, role }: ScreeningJob,
  onScreened: (screening: Screening) => void,
): Promise<Screening> {
  const started = Date.now();
  const screening = { ...(await screen(llm, node, resume, role)), ms: Date.now() - started };
  onScreened(screening);
  return screening;
}

/** The map node's execFallback, in both examples: the resume counts as unscreened (a bad key still throws). */
export function unscreenedJob(
  { resume }: ScreeningJob,
  error: Error,
  onScreened: (screening: Screening) => void,
): Screening {
  const screening = { ...unscreened(resume, error), ms: 0 };
  onScreened(screening);
  return screening;
}

export interface Tally {
  total: number;
  qualified: Screening[];
  rejected: Screening[];
  failed: Screening[];
}

/** The reduce step: plain code, since counting needs no model. */
export function tally(screenings: Screening[]): Tally {
  return {
    total: screenings.length,
    qualified: screenings.filter((s) => !s.error && s.qualifies),
    rejected: screenings.filter((s) => !s.error && !s.qualifies),
    failed: screenings.filter((s) => s.error !== undefined),
  };
}

/** The reduce step as a node, in both examples: many results in, one summary out. */
export class TallyScreenings extends Node<ScreeningStore, Screening[], Tally> {
  override prep(shared: ScreeningStore): Screening[] {
    return shared.screenings ?? [];
  }

  override exec(screenings: Screening[]): Tally {
    return tally(screenings);
  }

  override post(shared: ScreeningStore, _screenings: Screening[], result: Tally) {
    shared.tally = result;
  }
}

export function formatTally({ total, qualified, rejected, failed }: Tally): string {
  const line = (s: Screening) => `  - ${s.name} (${s.file})${s.reasons[0] ? `: ${s.reasons[0]}` : ""}`;
  return [
    `Qualified: ${qualified.length} of ${total}`,
    ...qualified.map(line),
    `Not qualified: ${rejected.length}`,
    ...rejected.map(line),
    ...(failed.length
      ? [`Could not screen: ${failed.length}`, ...failed.map((s) => `  - ${s.file}: ${s.error}`)]
      : []),
  ].join("\n");
}
