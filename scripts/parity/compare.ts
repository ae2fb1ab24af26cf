// Compares two engines' reports of one workspace test by test: same names, same statuses, the same
// tests that did not run, and the same kinds of problem in the same files.
import type { TestReport } from "../../src/lib/engine/report";

type Compared = Pick<TestReport, "tests" | "status" | "engine" | "notRun" | "problems">;

/** Statuses by test name, in report order (a name may occur twice, in two files); "did not run" too. */
function statusesByName(report: Compared): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  const add = (name: string, status: string) => byName.set(name, [...(byName.get(name) ?? []), status]);
  for (const test of report.tests) add(test.name, test.status);
  for (const name of report.notRun ?? []) add(name, "did not run");
  return byName;
}

/** The run's problems as "kind file" lines, sorted. */
const problemsOf = (report: Compared) =>
  (report.problems ?? [])
    .map((problem) => (problem.testFile ? `${problem.kind} ${problem.testFile}` : problem.kind))
    .sort()
    .join(", ") || "none";

/** One line per difference; empty when the reports agree. */
export function differences(expected: Compared, actual: Compared): string[] {
  const lines: string[] = [];
  if (expected.status !== actual.status) {
    lines.push(`run status: ${expected.engine} ${expected.status}, ${actual.engine} ${actual.status}`);
  }
  const [problemsA, problemsB] = [problemsOf(expected), problemsOf(actual)];
  if (problemsA !== problemsB)
    lines.push(`problems: ${expected.engine} ${problemsA}, ${actual.engine} ${problemsB}`);
  const left = statusesByName(expected);
  const right = statusesByName(actual);
  for (const name of new Set([...left.keys(), ...right.keys()])) {
    const a = (left.get(name) ?? []).sort().join(", ") || "missing";
    const b = (right.get(name) ?? []).sort().join(", ") || "missing";
    if (a !== b) lines.push(`“${name}”: ${expected.engine} ${a}, ${actual.engine} ${b}`);
  }
  return lines;
}
