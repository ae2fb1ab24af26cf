// The page's reading of what a run's worker sends. Learner code runs in that worker, so a message is
// taken only if it has the expected shape and size; anything else is ignored (the run's result, if
// it never comes in a readable form, becomes a refusal or a timeout, never a pass).
import { capText } from "../outcome";
import { REPORT_LIMITS, checkTest, MalformedReport } from "../validate";
import type { TestPlan } from "./collect";
import type { FinishedTest } from "./grade";
import type { RunMessage, WorkerTimings } from "./protocol";
import { isRecord } from "../../words";

const MAX_PLAN_FILES = 100;
/** Compiled code a run may hand back for reuse: files and characters in all. */
const MAX_COMPILED_FILES = 100;
const MAX_COMPILED_CHARS = 4_000_000;

const shortText = (value: unknown, max: number): value is string =>
  typeof value === "string" && value.length <= max;

/** A plan with at most MAX_PLAN_FILES files and REPORT_LIMITS.tests names in all; else undefined. */
export function checkPlan(value: unknown): TestPlan | undefined {
  if (!isRecord(value)) return undefined;
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

/** Compiled code by path within its bounds; else undefined. */
export function checkCompiled(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length > MAX_COMPILED_FILES) return undefined;
  let total = 0;
  for (const [, code] of entries) {
    if (typeof code !== "string" || (total += code.length) > MAX_COMPILED_CHARS) return undefined;
  }
  return value as Record<string, string>;
}

const TIMING_KEYS = ["prepare", "transform", "collect", "run", "receivedAt", "sentAt"] as const;

/** A run's timings, if every one is a finite number. */
function checkTimings(value: unknown): WorkerTimings | undefined {
  if (!isRecord(value)) return undefined;
  const timings: Record<string, number> = {};
  for (const key of TIMING_KEYS) {
    const ms = value[key];
    if (typeof ms !== "number" || !Number.isFinite(ms)) return undefined;
    timings[key] = ms;
  }
  return timings as unknown as WorkerTimings;
}

/** A finished test that came with a message, checked; undefined if it is not one. */
function checkFinished(value: unknown): { done: FinishedTest } | undefined {
  if (!isRecord(value) || typeof value.output !== "string") return undefined;
  try {
    const output = capText(value.output, Number.POSITIVE_INFINITY, REPORT_LIMITS.outputChars);
    return { done: { outcome: checkTest(value.outcome), output } };
  } catch (error) {
    if (error instanceof MalformedReport) return undefined;
    throw error;
  }
}

/** The message if the page can use it, else undefined. The result's report stays text here. */
export function readRunMessage(data: unknown): RunMessage | undefined {
  if (!isRecord(data) || typeof data.type !== "string") return undefined;
  switch (data.type) {
    case "started":
    case "alive":
      return { type: data.type };
    case "prepared": {
      const plan = data.plan === undefined ? undefined : checkPlan(data.plan);
      const compiled = checkCompiled(data.compiled);
      if (!compiled || (data.plan !== undefined && !plan)) return undefined;
      return plan ? { type: "prepared", plan, compiled } : { type: "prepared", compiled };
    }
    case "file":
    case "test-start": {
      const text = data.type === "file" ? data.path : data.name;
      if (!shortText(text, data.type === "file" ? REPORT_LIMITS.pathChars : REPORT_LIMITS.nameChars))
        return undefined;
      const done = data.done === undefined ? {} : checkFinished(data.done);
      if (!done) return undefined;
      return data.type === "file"
        ? { type: "file", path: text, ...done }
        : { type: "test-start", name: text, ...done };
    }
    case "result": {
      if (typeof data.report !== "string") return undefined;
      const timings = checkTimings(data.timings);
      return timings
        ? { type: "result", report: data.report, timings }
        : { type: "result", report: data.report };
    }
    case "failed":
      return typeof data.message === "string"
        ? { type: "failed", message: capText(data.message, 20, 2000) }
        : undefined;
    default:
      return undefined;
  }
}
