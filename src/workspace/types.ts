// The data one exercise's workspace needs, precomputed at build time by ExercisePanel.astro and shipped
// in the page as JSON, so the browser never reads exercise folders or front-matter.

/** Files by workspace path: `pocketflow.ts`, `tests/flow.test.ts`, … */
export type Files = Record<string, string>;

export interface WorkspaceData {
  slug: string;
  /** The lesson the exercise belongs to; passing the suite marks it complete. */
  lesson: string;
  title: string;
  /** Files the learner edits, in tab order. */
  files: string[];
  /** Files shown in tabs but not editable (a provided core, helpers). */
  readonly: string[];
  starter: Files;
  solution: Files;
  tests: Files;
  /** The hint ladder: a nudge, the concept, nearly the answer. */
  hints: string[];
  timeoutMs: number;
  /** Part 1: the learner's file of an earlier exercise that this one starts from (carry-forward). */
  carry?: CarryData;
}

export interface CarryData {
  from: string;
  fromTitle: string;
  file: string;
  previousStarter: string;
  previousSolution: string;
}

const isStringMap = (value: unknown): value is Files =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((item) => typeof item === "string");

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

const isCarry = (value: unknown): value is CarryData => {
  if (typeof value !== "object" || value === null) return false;
  const carry = value as Record<string, unknown>;
  return ["from", "fromTitle", "file", "previousStarter", "previousSolution"].every(
    (key) => typeof carry[key] === "string",
  );
};

/** Checks the embedded JSON; a page built from a broken collection fails loudly instead of half-working. */
export function parseWorkspaceData(json: string): WorkspaceData {
  const data: unknown = JSON.parse(json);
  if (typeof data !== "object" || data === null) throw new Error("exercise data is not an object");
  const record = data as Record<string, unknown>;
  const ok =
    typeof record.slug === "string" &&
    typeof record.lesson === "string" &&
    typeof record.title === "string" &&
    isStringList(record.files) &&
    isStringList(record.readonly) &&
    isStringMap(record.starter) &&
    isStringMap(record.solution) &&
    isStringMap(record.tests) &&
    isStringList(record.hints) &&
    typeof record.timeoutMs === "number" &&
    (record.carry === undefined || isCarry(record.carry));
  if (!ok) throw new Error("exercise data is missing fields");
  return data as WorkspaceData;
}
