// Compares two engines' reports of one workspace test by test: same names, same statuses.
import type { TestReport } from "../../src/lib/engine/report";

/** Statuses by test name, in report order (a name may occur twice, in two files). */
function statusesByName(report: Pick<TestReport, "tests">): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const test of report.tests) byName.set(test.name, [...(byName.get(test.name) ?? []), test.status]);
  return byName;
}

/** One line per difference; empty when the reports agree. */
export function differences(
  expected: Pick<TestReport, "tests" | "status" | "engine">,
  actual: Pick<TestReport, "tests" | "status" | "engine">,
): string[] {
  const lines: string[] = [];
  if (expected.status !== actual.status) {
    lines.push(`run status: ${expected.engine} ${expected.status}, ${actual.engine} ${actual.status}`);
  }
  const left = statusesByName(expected);
  const right = statusesByName(actual);
  for (const name of new Set([...left.keys(), ...right.keys()])) {
    const a = (left.get(name) ?? []).sort().join(", ") || "missing";
    const b = (right.get(name) ?? []).sort().join(", ") || "missing";
    if (a !== b) lines.push(`“${name}”: ${expected.engine} ${a}, ${actual.engine} ${b}`);
  }
  return lines;
}
