// `npm run example -- <name> --trace`: runs the example with the course's tracer installed around the
// core, then writes what every flow did to traces/<name>-<time>.md (Markdown with Mermaid graphs) and a
// .json twin for tools. TRACE_DIR chooses another folder.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as core from "../../core/index";
import {
  formatTrace,
  installTracing,
  toMermaid,
  Tracer,
  type TraceableNode,
  type TraceStep,
} from "../../core/trace";
import type { ExampleIO } from "./cli";

/** `2025-06-02-141503`: sortable, and safe in a file name on every system. */
export const stamp = (date: Date) => date.toISOString().replace("T", "-").replaceAll(":", "").slice(0, 17);

/** The trace as Markdown: the graph of each flow that ran, then every step with its changes. */
export function traceMarkdown(
  name: string,
  args: string[],
  steps: TraceStep[],
  roots: TraceableNode[],
  dropped = 0,
) {
  const graphs = roots.map((root, i) => [
    `## Graph ${roots.length > 1 ? `${i + 1} ` : ""}(${root.constructor.name})`,
    "",
    "```mermaid",
    toMermaid(root),
    "```",
    "",
  ]);
  const more = dropped > 0 ? [`… and ${dropped} more steps, not recorded.`] : [];
  return [
    `# Trace: npm run example -- ${[name, ...args].join(" ")}`,
    "",
    ...graphs.flat(),
    "## Steps",
    "",
    "Each step: the node's class, the action its post returned, the time it took, and what it changed in the",
    "shared store (+ added, ~ changed, - removed). Steps inside a flow are indented under it.",
    "",
    "```text",
    ...formatTrace(steps),
    ...more,
    "```",
    "",
  ].join("\n");
}

/** Runs `run` with every flow traced, and writes the trace when it is done (whatever its exit code). */
export async function withTrace(name: string, io: ExampleIO, run: () => Promise<number>): Promise<number> {
  const tracer = new Tracer();
  const roots: TraceableNode[] = [];
  const uninstall = installTracing(core, tracer, {
    onRun: (root) => void (roots.includes(root) ? undefined : roots.push(root)),
  });
  let code: number;
  try {
    code = await run();
  } finally {
    uninstall();
  }
  const { steps, dropped } = tracer.take();
  if (steps.length === 0) {
    io.stderr.write("No flow ran, so there is no trace to write.\n");
    return code;
  }
  const dir = io.env.TRACE_DIR ?? "traces";
  const base = join(dir, `${name}-${stamp(new Date())}`);
  const args = io.args.filter((arg) => arg !== "--trace");
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${base}.md`, traceMarkdown(name, args, steps, roots, dropped));
  writeFileSync(`${base}.json`, `${JSON.stringify({ example: name, args, steps, dropped }, null, 2)}\n`);
  io.stderr.write(`Trace written to ${base}.md (${steps.length} steps)\n`);
  return code;
}
