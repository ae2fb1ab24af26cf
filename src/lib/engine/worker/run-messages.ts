// The page's reading of what a run's worker sends. Learner code runs in that worker, so a message is
// taken only if it has the expected shape and size; anything else is ignored (the run's result, if
// it never comes in a readable form, becomes a refusal or a timeout, never a pass).
import { capText } from "../outcome";
import { REPORT_LIMITS, checkTest, MalformedReport } from "../validate";
import type { TestPlan } from "./collect";
import type { RunMessage } from "./protocol";

const MAX_PLAN_FILES = 100;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const shortText = (value: unknown, max: number): value is string =>
  typeof value === "string" && value.length <= max;

/** A plan with at most MAX_PLAN_FILES files and REPORT_LIMITS.tests names in all; else undefined. */
export function checkPlan(value: unknown): TestPlan | undefined {
  if (!isObject(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length > MAX_PLAN_FILES) return undefined;
  let total = 0;
  const plan: TestPlan = {};
  for (const [path, names] of entries) {
    if (names === null) {
      plan[path] = null;
      continue;
    }
    if (!Array.isArray(names) || (total += names.length) > REPORT_LIMITS.tests) return undefined;
    if (!names.every((name) => shortText(name, REPORT_LIMITS.nameChars))) return undefined;
    plan[path] = names as string[];
  }
  return plan;
}

/** The message if the page can use it, else undefined. The result's report stays text here. */
export function readRunMessage(data: unknown): RunMessage | undefined {
  if (!isObject(data) || typeof data.type !== "string") return undefined;
  switch (data.type) {
    case "started":
    case "alive":
      return { type: data.type };
    case "plan": {
      const plan = checkPlan(data.plan);
      return plan && { type: "plan", plan };
    }
    case "file":
      return shortText(data.path, REPORT_LIMITS.pathChars) ? { type: "file", path: data.path } : undefined;
    case "test-start":
      return shortText(data.name, REPORT_LIMITS.nameChars)
        ? { type: "test-start", name: data.name }
        : undefined;
    case "test-done": {
      if (typeof data.output !== "string") return undefined;
      try {
        const output = capText(data.output, Number.POSITIVE_INFINITY, REPORT_LIMITS.outputChars);
        return { type: "test-done", outcome: checkTest(data.outcome), output };
      } catch (error) {
        if (error instanceof MalformedReport) return undefined;
        throw error;
      }
    }
    case "result":
      return typeof data.report === "string" ? { type: "result", report: data.report } : undefined;
    case "failed":
      return typeof data.message === "string"
        ? { type: "failed", message: capText(data.message, 20, 2000) }
        : undefined;
    default:
      return undefined;
  }
}
