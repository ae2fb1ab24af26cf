// The catalog's vocabulary: a variant is the reference solution with a few edits, judged by the
// hidden suite like a learner's code. Correct variants (other designs a lesson allows) must pass;
// mistakes (what learners plausibly write) must fail, and fail in the test meant to catch them.
import type { Exercise, Files } from "../../src/lib/exercises/schema";

/** Replaces `replace`, which must occur exactly once in `file`, by `with`. */
export type TextEdit = { file: string; replace: string; with: string };
/** Replaces the lines inside `// #region <region>` … `// #endregion <region>` of `file` by `code`. */
export type RegionEdit = { file: string; region: string; code: string };
/** Rewrites `file` with a function, for edits that are defined elsewhere (the capstone's planted bugs). */
export type FunctionEdit = { file: string; apply: (source: string) => string };
export type Edit = TextEdit | RegionEdit | FunctionEdit;

export interface Variant {
  /** What this code does differently, as a phrase: "hands its nodes the flow's own params object". */
  name: string;
  kind: "correct" | "mistake";
  /** For a mistake: words of the failing test that is meant to catch it (any failing test's name). */
  caughtBy?: string;
  edits: Edit[];
}

const REGION_MARKER = (kind: "region" | "endregion", name: string) =>
  new RegExp(`^\\s*//\\s*#${kind}\\s+${name.replace(/[-]/g, "\\-")}\\s*$`);

function applyRegion(source: string, { file, region, code }: RegionEdit): string {
  const lines = source.split("\n");
  const start = lines.findIndex((line) => REGION_MARKER("region", region).test(line));
  const end = lines.findIndex((line, i) => i > start && REGION_MARKER("endregion", region).test(line));
  if (start === -1 || end === -1) throw new Error(`${file} has no region "${region}" to replace`);
  return [...lines.slice(0, start + 1), code.replace(/\n$/, ""), ...lines.slice(end)].join("\n");
}

function applyText(source: string, { file, replace, with: replacement }: TextEdit): string {
  const count = source.split(replace).length - 1;
  if (count !== 1) {
    throw new Error(
      `${file}: the catalog's edit expects ${JSON.stringify(replace)} exactly once, found it ${count} times ` +
        "(did the solution change? update the variant)",
    );
  }
  return source.replace(replace, () => replacement);
}

/** The learner-side files of `variant`: the exercise's solution with the variant's edits applied. */
export function variantFiles(exercise: Exercise, variant: Variant): Files {
  const files: Files = { ...exercise.solution };
  for (const edit of variant.edits) {
    const source = files[edit.file];
    if (source === undefined) throw new Error(`${exercise.slug}: the solution has no file ${edit.file}`);
    if ("apply" in edit) files[edit.file] = edit.apply(source);
    else files[edit.file] = "region" in edit ? applyRegion(source, edit) : applyText(source, edit);
  }
  return files;
}
