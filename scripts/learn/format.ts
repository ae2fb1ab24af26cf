// The compact result a learner reads after each run: a header, ✓/✗ per test, the summary line, then
// the one thing to fix next (the first failure, or why the code could not load).
import { summarize } from "../../src/lib/engine/report";
import type { Exercise } from "../../src/lib/exercises/schema";
import type { LearnContext } from "./context";
import type { LearnOutcome, SuiteProblem, SuiteResult } from "./suite";
import { plural } from "../../src/lib/words";

type Style = LearnContext["style"];

const MAX_VALUE_LINES = 12;

/**
 * vitest prints expected/actual values as indented, multi-line JSON-like text. Short ones read better
 * on one line; long ones keep their shape, cut to a screenful.
 */
export function compactValue(value: string): string[] {
  const oneLine = value
    .replaceAll(/\n\s*/g, " ")
    .replaceAll(/,\s*([\]}])/g, " $1")
    .trim();
  if (oneLine.length <= 100) return [oneLine];
  const lines = value.split("\n");
  if (lines.length <= MAX_VALUE_LINES) return lines;
  return [...lines.slice(0, MAX_VALUE_LINES), `… (${lines.length - MAX_VALUE_LINES} more lines)`];
}

const indent = (lines: string[], by = "    ") => lines.map((line) => (line ? by + line : line));

function failureDetails(test: LearnOutcome, style: Style): string[] {
  const lines = [style("bold", `First failure: ${test.name}`)];
  lines.push(...indent((test.message ?? "").split("\n").slice(0, MAX_VALUE_LINES), "  "));
  if (test.expected !== undefined || test.actual !== undefined) {
    const [expected = "", ...moreExpected] = compactValue(test.expected ?? "undefined");
    const [actual = "", ...moreActual] = compactValue(test.actual ?? "undefined");
    lines.push(`  ${style("green", "Expected:")} ${expected}`, ...indent(moreExpected, "            "));
    lines.push(`  ${style("red", "Actual:")}   ${actual}`, ...indent(moreActual, "            "));
  }
  if (test.at) lines.push(`  at ${test.at}`);
  return lines;
}

function problemDetails(problem: SuiteProblem, notRun: number, style: Style): string[] {
  const where = problem.at ? ` in ${problem.at}` : "";
  const files = problem.testFiles ?? [];
  const title =
    problem.kind === "unhandled"
      ? `An error escaped the tests${where}: vitest fails the run, even when every test passes`
      : problem.kind === "syntax"
        ? `Syntax error${where}: the tests that import it could not run`
        : `Your code threw while the tests loaded it${where}`;
  const lines = [
    style(["bold", "red"], title),
    ...indent(
      problem.message
        .split("\n")
        .slice(0, 20)
        .map((line) => line.trimEnd()),
      "  ",
    ),
  ];
  if (files.length > 0) {
    const count =
      notRun > 0 ? `, so ${plural(notRun, "test", "tests")} did not run` : ", so its tests did not run";
    lines.push(`  ${files.join(", ")} did not load${count}.`);
  }
  return lines;
}

export function formatResult(
  exercise: Exercise,
  result: SuiteResult,
  style: Style,
  now = new Date(),
): string[] {
  const time = now.toTimeString().slice(0, 8);
  const seconds = (result.durationMs / 1000).toFixed(1);
  const lines = [
    style("bold", `▶ ${exercise.slug} · ${exercise.meta.title}`) + style("dim", `  (${time}, ${seconds} s)`),
  ];
  for (const test of result.tests) {
    lines.push(
      test.status === "pass"
        ? `  ${style("green", "✓")} ${test.name}`
        : `  ${style("red", "✗")} ${test.name}`,
    );
  }
  const passed = result.status === "pass";
  lines.push(style(["bold", passed ? "green" : "red"], summarize(result)));
  const firstFailure = result.tests.find((test) => test.status === "fail");
  if (result.status === "timeout") {
    const notRun = result.notRun?.length ?? 0;
    lines.push(
      style(
        ["bold", "red"],
        `Stopped after ${Math.round(result.limitMs / 1000)} s: the tests did not finish` +
          (notRun > 0 ? ` (${plural(notRun, "test", "tests")} did not run).` : "."),
      ),
      "  Is there an endless loop? For example a while loop whose condition never changes,",
      "  or a flow whose nodes lead back to each other with no way out.",
    );
  } else if (result.problem)
    lines.push("", ...problemDetails(result.problem, result.notRun?.length ?? 0, style));
  else if (firstFailure) lines.push("", ...failureDetails(firstFailure, style));
  else if (result.tests.length === 0) lines.push("No test ran: the hidden suite found nothing to test.");
  return lines;
}
