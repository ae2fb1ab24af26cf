// A trace as text, for a terminal or a Markdown file: one line per step (indented inside its flow),
// with its action and time, then what it changed in the shared store.
import { formatChange } from "./diff";
import type { TraceStep } from "./recorder";
import { formatPlain, isMarker, type Plain } from "./snapshot";

export interface FormatOptions {
  /** Longest value shown in a change line; longer ones end in "…". */
  maxLength?: number;
  /** Show the time each step took (off for output that must not vary, such as tests). */
  timings?: boolean;
}

const hasParams = (params: Plain) =>
  typeof params === "object" && params !== null && !isMarker(params) && Object.keys(params).length > 0;

/** `→ "search"`, `→ default` for a step that returned nothing, `✗ failed: …` for one that threw. */
export function outcomeOf(step: TraceStep): string {
  if (step.status === "failed") return `✗ failed: ${step.error ?? "unknown error"}`;
  if (step.status === "running") return "… still running";
  return step.action === undefined ? "→ default" : `→ ${JSON.stringify(step.action)}`;
}

export function formatTrace(steps: readonly TraceStep[], options: FormatOptions = {}): string[] {
  const { maxLength = 100, timings = true } = options;
  const lines: string[] = [];
  for (const step of steps) {
    const pad = "  ".repeat(step.depth);
    const time = timings
      ? `  (${step.durationMs < 10 ? step.durationMs.toFixed(1) : Math.round(step.durationMs)} ms)`
      : "";
    const params = hasParams(step.params) ? ` ${formatPlain(step.params, 60)}` : "";
    lines.push(`${pad}${step.index + 1}. ${step.node}${params} ${outcomeOf(step)}${time}`);
    const retried = step.execErrors.length;
    if (retried > 0) {
      const last = step.execErrors.at(-1) ?? "";
      lines.push(`${pad}     exec threw ${retried} time${retried === 1 ? "" : "s"} (last: ${last})`);
    }
    // A flow's changes are the sum of its steps': shown once, on the steps themselves.
    if (step.kind === "flow") continue;
    for (const change of step.changes) lines.push(`${pad}     ${formatChange(change, maxLength)}`);
  }
  return lines;
}
