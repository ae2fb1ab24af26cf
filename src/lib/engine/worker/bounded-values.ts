// A failed equality on a huge value (150,000 array items) makes vitest format both values whole and
// diff them, which alone can take the run's whole time limit. Before the runner sees such an error,
// its expected and actual values are printed here in bounded form (the first items of each
// collection, as vitest prints them), so what follows handles two short strings.
import { format, plugins } from "@vitest/pretty-format";
import { capValue } from "../outcome";

/** Past this many values (or one string this long), a value counts as huge. */
const LARGE_VALUES = 2_000;
const LARGE_STRING = 20_000;
/** How many items of each collection are printed, and the most text formatting may produce. */
const ITEMS_SHOWN = 100;
const MAX_OUTPUT = 50_000;

/** The plugins vitest formats expected and actual values with (@vitest/utils' diff). */
const PLUGINS = [
  plugins.ReactTestComponent,
  plugins.ReactElement,
  plugins.DOMElement,
  plugins.DOMCollection,
  plugins.Immutable,
  plugins.AsymmetricMatcher,
  plugins.Error,
];

/** Whether walking the value meets more than LARGE_VALUES values (stops as soon as it does). */
export function isLarge(root: unknown): boolean {
  const pending: unknown[] = [root];
  const seen = new Set<object>();
  let count = 0;
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === "string") {
      if (value.length > LARGE_STRING) return true;
      continue;
    }
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    if (++count > LARGE_VALUES) return true;
    if (Array.isArray(value)) {
      if (value.length > LARGE_VALUES) return true;
      pending.push(...value);
    } else if (value instanceof Map || value instanceof Set) {
      if (value.size > LARGE_VALUES) return true;
      for (const item of value.values()) pending.push(item);
    } else {
      const keys = Object.keys(value);
      if (keys.length > LARGE_VALUES) return true;
      for (const key of keys) pending.push((value as Record<string, unknown>)[key]);
    }
  }
  return false;
}

const bounded = (value: unknown) =>
  typeof value === "string"
    ? capValue(value)
    : format(value, { maxDepth: 20, plugins: PLUGINS, maxWidth: ITEMS_SHOWN, maxOutputLength: MAX_OUTPUT });

/** The error, with huge `expected`/`actual` values replaced by their bounded print. Never throws. */
export function boundLargeValues(error: unknown): unknown {
  try {
    if (typeof error !== "object" || error === null) return error;
    const failure = error as { expected?: unknown; actual?: unknown; showDiff?: boolean };
    if (failure.showDiff === false || !("expected" in failure) || !("actual" in failure)) return error;
    if (!isLarge(failure.expected) && !isLarge(failure.actual)) return error;
    failure.expected = bounded(failure.expected);
    failure.actual = bounded(failure.actual);
  } catch {
    // A value whose properties throw when read is left to vitest, which copes with those.
  }
  return error;
}
