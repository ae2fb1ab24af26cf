// Part 1's exercises grow one pocketflow.ts. When a learner moves from exercise N to N+1, their file
// of N is carried forward: N+1's starter is N's reference solution plus new TODO stubs, both
// structured by the same named regions (`// #region name` … `// #endregion name`), so the splice is
// exact. Every region that N+1 leaves as N's solution had it comes from the learner's file; every
// region that N+1 adds or changes comes from N+1's starter (recursively, so an unchanged region
// nested in a changed one is still the learner's). Pure: the browser and `npm run learn` share it.

export type Segment =
  | { kind: "line"; text: string }
  | { kind: "region"; name: string; open: string; close: string; children: Segment[] };

export type Parsed = { ok: true; segments: Segment[] } | { ok: false; problem: string };

const OPEN = /^\s*\/\/\s*#region\s+([\w-]+)\s*$/;
const CLOSE = /^\s*\/\/\s*#endregion\s+([\w-]+)\s*$/;

/** The file as a tree of plain lines and named regions; markers must nest and names be unique. */
export function parseRegions(source: string): Parsed {
  const root: Segment[] = [];
  const stack: Extract<Segment, { kind: "region" }>[] = [];
  const seen = new Set<string>();
  const lines = source.split("\n");
  for (const [index, text] of lines.entries()) {
    const into = stack.at(-1)?.children ?? root;
    const open = OPEN.exec(text);
    const close = CLOSE.exec(text);
    if (open?.[1]) {
      if (seen.has(open[1]))
        return { ok: false, problem: `line ${index + 1}: a second region named ${open[1]}` };
      seen.add(open[1]);
      const region = { kind: "region" as const, name: open[1], open: text, close: "", children: [] };
      into.push(region);
      stack.push(region);
    } else if (close?.[1]) {
      const region = stack.pop();
      if (region?.name !== close[1]) {
        return {
          ok: false,
          problem: `line ${index + 1}: #endregion ${close[1]} does not close ${region ? `region ${region.name}` : "any region"}`,
        };
      }
      region.close = text;
    } else into.push({ kind: "line", text });
  }
  const unclosed = stack.at(-1);
  return unclosed
    ? { ok: false, problem: `region ${unclosed.name} is never closed` }
    : { ok: true, segments: root };
}

const textOf = (segments: Segment[]): string[] =>
  segments.flatMap((segment) =>
    segment.kind === "line" ? [segment.text] : [segment.open, ...textOf(segment.children), segment.close],
  );

/** Every region of a tree by name, nested ones included. */
function regionsOf(segments: Segment[], into = new Map<string, Extract<Segment, { kind: "region" }>>()) {
  for (const segment of segments) {
    if (segment.kind !== "region") continue;
    into.set(segment.name, segment);
    regionsOf(segment.children, into);
  }
  return into;
}

/** A region's own code (not its nested regions), ignoring indentation and blank lines. */
const ownCode = (segments: Segment[]) =>
  segments
    .filter((segment) => segment.kind === "line")
    .map((segment) => segment.text.trim())
    .filter((line) => line !== "")
    .join("\n");

export interface CarryInput {
  /** The learner's file of exercise N. */
  learner: string;
  /** Exercise N's starter and reference solution of that file. */
  previousStarter: string;
  previousSolution: string;
  /** Exercise N+1's starter of the same file. */
  nextStarter: string;
}

export type CarryResult =
  | {
      ok: true;
      text: string;
      /** Regions taken whole from the learner's file. */
      carried: string[];
      /**
       * Regions whose own lines the learner had changed but N+1 changes too, so they come from the
       * starter ("" for lines outside every region). The learner's file of N still has them.
       */
      replaced: string[];
    }
  | { ok: false; problem: string };

export function carryForward({
  learner,
  previousStarter,
  previousSolution,
  nextStarter,
}: CarryInput): CarryResult {
  const mine = parseRegions(learner);
  if (!mine.ok) return { ok: false, problem: mine.problem };
  const parsed = [previousStarter, previousSolution, nextStarter].map(parseRegions);
  const [oldStart, oldSolution, next] = parsed;
  if (!oldStart?.ok || !oldSolution?.ok || !next?.ok) {
    throw new Error("An exercise's starter or solution has unbalanced #region markers.");
  }
  const learnerRegions = regionsOf(mine.segments);
  const solutionRegions = regionsOf(oldSolution.segments);
  const starterRegions = regionsOf(oldStart.segments);
  const carried: string[] = [];
  const replaced: string[] = [];
  const missing: string[] = [];

  /** Did the learner change this part's own lines from both the starter and the solution of N? */
  const noteReplaced = (
    name: string,
    mineOwn: Segment[] | undefined,
    started?: Segment[],
    solved?: Segment[],
  ) => {
    if (!mineOwn) return;
    const own = ownCode(mineOwn);
    if (own !== ownCode(started ?? []) && own !== ownCode(solved ?? [])) replaced.push(name);
  };

  const splice = (segments: Segment[]): string[] =>
    segments.flatMap((segment) => {
      if (segment.kind === "line") return [segment.text];
      const before = solutionRegions.get(segment.name);
      const unchanged = before !== undefined && textOf([before]).join("\n") === textOf([segment]).join("\n");
      const theirs = learnerRegions.get(segment.name);
      if (unchanged) {
        if (!theirs) {
          missing.push(segment.name);
          return [];
        }
        carried.push(segment.name);
        return textOf([theirs]);
      }
      noteReplaced(
        segment.name,
        theirs?.children,
        starterRegions.get(segment.name)?.children,
        before?.children,
      );
      return [segment.open, ...splice(segment.children), segment.close];
    });

  const text = splice(next.segments).join("\n");
  if (missing.length > 0) {
    const names = missing.map((name) => `// #region ${name}`).join(", ");
    return {
      ok: false,
      problem: `your file has lost the region marker${missing.length > 1 ? "s" : ""} ${names}`,
    };
  }
  noteReplaced("", mine.segments, oldStart.segments, oldSolution.segments);
  return { ok: true, text, carried, replaced };
}
