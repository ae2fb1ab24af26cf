// A test's trace as it travels from a test engine to the page: the steps the tracer recorded
// (core/trace.ts) while the test ran. Reports come from a sandbox that runs learner code, so the page
// checks a trace with `readTestTrace` before it shows anything of it.
import type { Change, Plain, TraceStep } from "../../../core/trace";
import { isRecord } from "../words";

/** What one test's flows did: every node run, in order, and how many steps were cut off. */
export interface TestTrace {
  steps: TraceStep[];
  /** Steps past the engine's limit, counted but not recorded. */
  dropped: number;
}

const LIMITS = { steps: 500, text: 4000, depth: 12, items: 500 };

const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0;
const isTime = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0;
const text = (value: unknown) => (typeof value === "string" ? value.slice(0, LIMITS.text) : undefined);

/** Plain data, checked and bounded; undefined when it is not plain data. */
function readPlain(value: unknown, depth = 0): Plain | undefined {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string") return value.slice(0, LIMITS.text);
  if (depth >= LIMITS.depth) return undefined;
  if (Array.isArray(value)) {
    const items = value.slice(0, LIMITS.items).map((item) => readPlain(item, depth + 1));
    return items.every((item) => item !== undefined) ? (items as Plain[]) : undefined;
  }
  if (!isRecord(value)) return undefined;
  const result: Record<string, Plain> = {};
  for (const [key, item] of Object.entries(value).slice(0, LIMITS.items)) {
    const plain = readPlain(item, depth + 1);
    if (plain === undefined) return undefined;
    result[key] = plain;
  }
  return result;
}

function readChange(value: unknown): Change | undefined {
  if (!isRecord(value) || typeof value.path !== "string") return undefined;
  if (value.kind !== "added" && value.kind !== "removed" && value.kind !== "changed") return undefined;
  const change: Change = { path: value.path.slice(0, LIMITS.text), kind: value.kind };
  for (const side of ["before", "after"] as const) {
    if (!(side in value) || value[side] === undefined) continue;
    const plain = readPlain(value[side]);
    if (plain === undefined) return undefined;
    change[side] = plain;
  }
  return change;
}

function readStep(value: unknown, index: number): TraceStep | undefined {
  if (!isRecord(value)) return undefined;
  const { node, kind, parent, depth, action, status, execCalls, execErrors, startMs, durationMs } = value;
  if (typeof node !== "string" || (kind !== "node" && kind !== "flow")) return undefined;
  if (status !== "running" && status !== "done" && status !== "failed") return undefined;
  if (!isCount(depth) || !isCount(execCalls) || !isTime(startMs) || !isTime(durationMs)) return undefined;
  if (parent !== undefined && !(isCount(parent) && parent < index)) return undefined;
  if (action !== undefined && typeof action !== "string") return undefined;
  if (!Array.isArray(execErrors) || !Array.isArray(value.changes)) return undefined;
  const changes = value.changes.slice(0, LIMITS.items).map(readChange);
  const params = readPlain(value.params);
  if (params === undefined || changes.some((change) => change === undefined)) return undefined;
  const step: TraceStep = {
    index,
    node: node.slice(0, 200),
    kind,
    parent,
    depth: Math.min(depth, 50),
    params,
    action: action === undefined ? undefined : action.slice(0, 200),
    status,
    execCalls,
    execErrors: execErrors.slice(0, 20).flatMap((error) => text(error) ?? []),
    startMs,
    durationMs,
    changes: changes as Change[],
  };
  const error = text(value.error);
  if (error !== undefined) step.error = error;
  if (value.storeBefore !== undefined) {
    const store = readPlain(value.storeBefore);
    if (store === undefined) return undefined;
    step.storeBefore = store;
  }
  return step;
}

/** A trace from an engine's report, checked; undefined when it is missing or not a trace. */
export function readTestTrace(value: unknown): TestTrace | undefined {
  if (!isRecord(value) || !Array.isArray(value.steps) || !isCount(value.dropped)) return undefined;
  const steps = value.steps.slice(0, LIMITS.steps).map(readStep);
  if (steps.some((step) => step === undefined)) return undefined;
  const cut = Math.max(0, value.steps.length - LIMITS.steps);
  return { steps: steps as TraceStep[], dropped: value.dropped + cut };
}
