// `npm run learn -- trace <exercise>`: runs the hidden suite once with the course's tracer installed
// around the provided core (part 2 and 3 exercises), then prints, for each failing test, the steps the
// learner's flow took: each node, the action it returned, and what it changed in the shared store.
// The suite's files are not changed, only followed by one import of a small setup module.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { readTracerSources } from "../lib/tracer-sources";
import { join } from "node:path";
import { formatTrace, type TraceStep } from "../../core/trace";
import { testNameFromFullName } from "../../src/lib/engine/report";
import type { Exercise, Files } from "../../src/lib/exercises/schema";
import { findExercise, type Session } from "./session";
import { runSuite, type LearnOutcome } from "./suite";
import { exerciseDir, learnerFiles } from "./workspace";

const SUPPORT = "tests/__trace__";
const MAX_TESTS = 3;
const MAX_LINES = 60;

/** One test's trace, as the setup module writes it. */
export interface TestTrace {
  name: string;
  steps: TraceStep[];
  dropped: number;
}

/** The tracer's own sources (core/trace.ts and core/trace/*.ts, without tests), to sit beside the suite. */
function tracerSources(): Files {
  return Object.fromEntries(
    Object.entries(readTracerSources()).flatMap(([path, text]) =>
      path.startsWith("core/") ? [[`${SUPPORT}/${path.slice("core/".length)}`, text]] : [],
    ),
  );
}

/** The module each test file imports: it installs the tracer and writes one line per test to `outDir`. */
function setupSource(outDir: string) {
  return `// Written by npm run learn -- trace: records each test's trace of the provided core.
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import * as core from "../../pocketflow";
import { installTracing, Tracer } from "./trace";

const tracer = new Tracer();
installTracing(core, tracer);
const out = join(${JSON.stringify(outDir)}, \`\${process.pid}-\${Math.random().toString(36).slice(2)}.jsonl\`);
beforeEach(() => void tracer.take());
afterEach(({ task }) => {
  const { steps, dropped } = tracer.take();
  appendFileSync(out, JSON.stringify({ fullName: task.fullTestName ?? task.name, steps, dropped }) + "\\n");
});
`;
}

/** The suite with the setup import appended to every test file (appended, so no line number moves). */
export function tracedSuite(exercise: Exercise, outDir: string): Files {
  const tests: Files = { ...tracerSources(), [`${SUPPORT}/setup.ts`]: setupSource(outDir) };
  for (const [path, source] of Object.entries(exercise.tests)) {
    if (!path.endsWith(".test.ts")) {
      tests[path] = source;
      continue;
    }
    const up = "../".repeat(path.split("/").length - 2);
    tests[path] = `${source}\nimport "${up || "./"}__trace__/setup";\n`;
  }
  return tests;
}

/** Every trace line the setup wrote, by test name. */
export function readTraces(outDir: string): Map<string, TestTrace> {
  const traces = new Map<string, TestTrace>();
  for (const file of readdirSync(outDir)) {
    for (const line of readFileSync(join(outDir, file), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const { fullName, steps, dropped } = JSON.parse(line) as {
        fullName: string;
        steps: TraceStep[];
        dropped: number;
      };
      const name = testNameFromFullName(fullName);
      traces.set(name, { name, steps, dropped });
    }
  }
  return traces;
}

/** A test's trace as printed lines, cut at a screenful. */
export function traceLines(trace: TestTrace | undefined): string[] {
  if (!trace || trace.steps.length === 0)
    return ["(no flow ran in this test: it called the nodes' hooks directly)"];
  const lines = formatTrace(trace.steps);
  const cut =
    lines.length > MAX_LINES
      ? [...lines.slice(0, MAX_LINES), `… ${lines.length - MAX_LINES} more lines`]
      : lines;
  return trace.dropped > 0 ? [...cut, `… and ${trace.dropped} more steps, not recorded`] : cut;
}

export async function trace(session: Session, name: string | undefined): Promise<number> {
  const { ctx } = session;
  const exercise = name ? findExercise(session, name) : session.current();
  if (!exercise) {
    ctx.err(name ? `No exercise named "${name}".` : "Usage: npm run learn -- trace <exercise>");
    ctx.err(`Exercises: ${session.slugs.join(", ")}`);
    return 1;
  }
  if (!exercise.meta.providesCore) {
    ctx.err(
      `${exercise.slug} builds the core itself, so there is no provided core to trace. ` +
        "Traces are for the exercises of parts 2 and 3 (lessons 11–22).",
    );
    return 1;
  }
  const outDir = join(ctx.cacheDir, `trace-${process.pid}-${Date.now()}`);
  mkdirSync(outDir, { recursive: true });
  try {
    const result = await runSuite(
      { ...exercise, tests: tracedSuite(exercise, outDir) },
      learnerFiles(ctx.workspace, exercise),
      {
        cacheDir: ctx.cacheDir,
        learnerDir: exerciseDir(ctx.workspace, exercise.slug),
        show: (path) => ctx.show(path),
        signal: ctx.io.signal,
        limitMs: ctx.runLimitMs,
      },
    );
    if (result.cancelled) return 130;
    const traces = readTraces(outDir);
    ctx.out(ctx.style("bold", `▶ ${exercise.slug} · ${exercise.meta.title}: traces of the provided core`));
    if (result.problem || result.tests.length === 0) {
      ctx.out(result.problem?.message ?? "No test ran, so there is nothing to trace.");
      ctx.out(`Fix that first: npm run learn -- run ${exercise.slug}`);
      return 1;
    }
    const failing = result.tests.filter((test) => test.status === "fail");
    const shown: LearnOutcome[] = failing.length > 0 ? failing.slice(0, MAX_TESTS) : result.tests.slice(0, 1);
    if (failing.length === 0) ctx.out("Every test passes. Here is the trace of the first one:");
    for (const test of shown) {
      ctx.out("");
      ctx.out(
        test.status === "fail" ? ctx.style("red", `✗ ${test.name}`) : ctx.style("green", `✓ ${test.name}`),
      );
      if (test.message) ctx.out(`  ${test.message.split("\n")[0] ?? ""}`);
      ctx.out(ctx.style("dim", "  What the flow did (node → action, then its changes to the shared store):"));
      for (const line of traceLines(traces.get(test.name))) ctx.out(`    ${line}`);
    }
    if (failing.length > MAX_TESTS) ctx.out(`\n… ${failing.length - MAX_TESTS} more failing tests.`);
    ctx.out(
      `\n${failing.length === 0 ? "All" : `${result.tests.length - failing.length} of`} ${result.tests.length} tests pass.`,
    );
    return failing.length === 0 ? 0 : 1;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
