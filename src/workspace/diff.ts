// A line diff of a failed equality's expected and actual values, the way vitest prints it in a
// terminal: lines only in the expected value are marked "-", lines only in the actual value "+".

export type DiffLine = { kind: "same" | "expected" | "actual"; text: string };

/** Beyond this many cells the LCS table costs too much; the values are then shown whole. */
const MAX_CELLS = 250_000;

/** The lines of `expected` and `actual`, aligned on their longest common subsequence. */
export function diffLines(expected: string, actual: string): DiffLine[] {
  const a = expected.split("\n");
  const b = actual.split("\n");
  if (a.length * b.length > MAX_CELLS) {
    return [
      ...a.map((text): DiffLine => ({ kind: "expected", text })),
      ...b.map((text): DiffLine => ({ kind: "actual", text })),
    ];
  }
  // common[i][j]: length of the LCS of a[i..] and b[j..], filled from the end.
  const width = b.length + 1;
  const common = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] =
        a[i] === b[j]
          ? (common[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(common[(i + 1) * width + j] ?? 0, common[i * width + j + 1] ?? 0);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      lines.push({ kind: "same", text: a[i] ?? "" });
      i++;
      j++;
    } else if ((common[(i + 1) * width + j] ?? 0) >= (common[i * width + j + 1] ?? 0)) {
      lines.push({ kind: "expected", text: a[i++] ?? "" });
    } else {
      lines.push({ kind: "actual", text: b[j++] ?? "" });
    }
  }
  while (i < a.length) lines.push({ kind: "expected", text: a[i++] ?? "" });
  while (j < b.length) lines.push({ kind: "actual", text: b[j++] ?? "" });
  return lines;
}

const MARKS: Record<DiffLine["kind"], string> = { same: "  ", expected: "- ", actual: "+ " };

/** The diff as plain text, with a legend, for copying and for screen readers. */
export function formatDiff(lines: DiffLine[]): string {
  return ["- Expected", "+ Received", "", ...lines.map((line) => MARKS[line.kind] + line.text)].join("\n");
}
