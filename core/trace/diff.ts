// What one step changed in the shared store: the difference between two snapshots, path by path,
// written the way the slides show the store after each step ("+ context", "~ answer").
import { formatPlain, isMarker, keyPath, type Plain } from "./snapshot";

export interface Change {
  /** Where in the store, as code would reach it: `answer`, `findings[1]`, `user.name`. */
  path: string;
  kind: "added" | "removed" | "changed";
  /** The value before the step (absent for "added"). */
  before?: Plain;
  /** The value after the step (absent for "removed"). */
  after?: Plain;
}

type PlainObject = { [key: string]: Plain };

const isObject = (value: Plain | undefined): value is PlainObject =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !isMarker(value);

function same(a: Plain | undefined, b: Plain | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => same(item, b[i]));
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => key in b && same(a[key], b[key]));
}

// #region diff
/**
 * The changes from `before` to `after`. Objects and arrays are compared member by member, so a list
 * that grew shows the new items (`messages[2]` added) rather than the whole list as changed.
 */
export function diff(before: Plain | undefined, after: Plain | undefined, path = ""): Change[] {
  if (same(before, after)) return [];
  if (before === undefined) return after === undefined ? [] : [{ path, kind: "added", after }];
  if (after === undefined) return [{ path, kind: "removed", before }];
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !(key in before))];
    return keys.flatMap((key) => diff(before[key], after[key], keyPath(path, key)));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => diff(before[i], after[i], `${path}[${i}]`)).flat();
  }
  return [{ path, kind: "changed", before, after }];
}
// #endregion diff

/** One change as a line: `+ answer = "42"`, `~ steps: 1 → 2`, `- query (was "nobel")`. */
export function formatChange(change: Change, maxLength = 100): string {
  const where = change.path || "(the store)";
  const show = (value: Plain | undefined) => (value === undefined ? "" : formatPlain(value, maxLength));
  switch (change.kind) {
    case "added":
      return `+ ${where} = ${show(change.after)}`;
    case "removed":
      return `- ${where} (was ${show(change.before)})`;
    default:
      return `~ ${where}: ${show(change.before)} → ${show(change.after)}`;
  }
}
