// The course's one mapping from what vitest records about a test to a TestOutcome, shared by every
// engine: the worker (from @vitest/runner's task results), Node vitest (from `TestCase.result()`)
// and the WebContainer (from vitest's JSON reporter and the course reporter). Pure: no DOM, no Node.
// It never throws, whatever was thrown, and caps every text so a huge value cannot flood a report.
import type { SourceLocation, TestOutcome } from "./report";

export const LIMITS = {
  /** A failure's message or a problem's text. */
  messageLines: 80,
  messageChars: 4_000,
  /** An expected or actual value, as printed. */
  valueLines: 200,
  valueChars: 20_000,
};

/** Counts "\n" from `from` on, without splitting (the text may be megabytes long). */
function newlinesFrom(text: string, from: number): number {
  let count = 0;
  for (let at = text.indexOf("\n", from); at >= 0; at = text.indexOf("\n", at + 1)) count += 1;
  return count;
}

/** The text cut to `maxLines` lines and `maxChars` characters, ending with what was left out. */
export function capText(text: string, maxLines: number, maxChars: number): string {
  let cut = text.length;
  let at = -1;
  // Past maxChars the cut is maxChars whatever the lines: stop looking (a run's output grows with
  // every test and is capped each time, so this must not walk all of it).
  for (let line = 0; line < maxLines && (at = text.indexOf("\n", at + 1)) >= 0 && at <= maxChars; line += 1);
  if (at >= 0 && at < text.length - 1) cut = at;
  cut = Math.min(cut, maxChars);
  if (cut >= text.length) return text;
  const head = text.slice(0, cut);
  const trailing = text.endsWith("\n") ? 0 : 1;
  if (text[cut] === "\n") {
    const rest = newlinesFrom(text, cut + 1) + trailing;
    return `${head}\n… ${rest} more ${rest === 1 ? "line" : "lines"}`;
  }
  const after = newlinesFrom(text, cut);
  if (after === 0) return `${head}… ${text.length - cut} more characters`;
  return `${head}…\n… ${after + trailing} more lines`;
}

export const capMessage = (text: string) => capText(text, LIMITS.messageLines, LIMITS.messageChars);
export const capValue = (text: string) => capText(text, LIMITS.valueLines, LIMITS.valueChars);

/** Properties vitest adds to a serialized error; they are not what the learner's code threw. */
const VITEST_KEYS = new Set(["stack", "stacks", "diff", "nameStr", "expected", "actual", "showDiff"]);

/** A short, safe rendering of any value: never throws, never runs more than a few property reads. */
export function briefValue(value: unknown, depth = 0): string {
  try {
    switch (typeof value) {
      case "string":
        return depth === 0
          ? capMessage(value)
          : JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
      case "symbol":
        return `Symbol(${value.description ?? ""})`;
      case "bigint":
        return `${value.toString()}n`;
      case "function":
        return `[function ${value.name || "(anonymous)"}]`;
      case "object": {
        if (value === null) return "null";
        if (Array.isArray(value))
          return depth > 0 ? `[${value.length} items]` : `[ ${listOf(value, depth)} ]`;
        const keys = Object.keys(value).filter((key) => !VITEST_KEYS.has(key) && !key.startsWith("VITEST_"));
        if (depth > 0) return keys.length === 0 ? "{}" : "{…}";
        const fields = keys
          .slice(0, 6)
          .map((key) => `${key}: ${briefValue((value as Record<string, unknown>)[key], depth + 1)}`);
        if (keys.length > 6) fields.push(`… ${keys.length - 6} more`);
        return fields.length === 0 ? "{}" : `{ ${fields.join(", ")} }`;
      }
      default:
        return String(value);
    }
  } catch {
    return "a value that cannot be printed";
  }
}

const listOf = (items: unknown[], depth: number) => {
  const shown = items.slice(0, 6).map((item) => briefValue(item, depth + 1));
  if (items.length > 6) shown.push(`… ${items.length - 6} more`);
  return shown.join(", ");
};

const stringProperty = (value: unknown, key: string): string | undefined => {
  try {
    const property: unknown = (value as Record<string, unknown>)[key];
    return typeof property === "string" ? property : undefined;
  } catch {
    return undefined;
  }
};

/** Names that add nothing in front of a message (vitest's own assertions, a plain Error). */
const PLAIN_NAMES = new Set(["", "Error", "AssertionError"]);

/**
 * A thrown value (or vitest's serialized copy of one) in words: "TypeError: x is not a function",
 * "expected 2 to be 3", or, for something that is not an error, what it was.
 */
export function errorInWords(error: unknown): string {
  if (typeof error !== "object" || error === null) {
    return typeof error === "string" ? capMessage(error) : briefValue(error);
  }
  const message = stringProperty(error, "message");
  if (message === undefined) return `The code threw a value that is not an Error: ${briefValue(error)}`;
  const name = stringProperty(error, "name") ?? "";
  return capMessage(
    PLAIN_NAMES.has(name) || message.startsWith(`${name}:`) ? message : `${name}: ${message}`,
  );
}

/** Hints for errors whose words alone do not say what to look for. */
const HINTS: [RegExp, string][] = [
  [
    /Invalid (string|array|typed array) length|Array buffer allocation failed|out of memory/i,
    "The code ran out of memory: does a loop keep adding to an array or a string?",
  ],
  [
    /Maximum call stack size exceeded|too much recursion/i,
    "Does a function call itself (or a node lead back to itself) with no way out?",
  ],
];

/** The message with a hint added when the error is one that learners often misread. */
export function withHint(message: string): string {
  const hint = HINTS.find(([pattern]) => pattern.test(message))?.[1];
  return hint ? `${message}\n${hint}` : message;
}

/** vitest's states, in the runner's words (pass, fail, skip, todo, run, queued) or Node's (passed, …). */
const PASSED = new Set(["pass", "passed"]);
const FAILED = new Set(["fail", "failed"]);
const SKIPPED = new Set(["skip", "skipped", "todo", "disabled"]);

/**
 * One test's result as a TestOutcome, from its name, vitest's state and its errors (vitest's
 * serialized errors: `message`, `name`, and `expected`/`actual` as printed for equality failures).
 * A skipped or to-do test fails (a hidden suite must run all of its tests); a test that has not
 * finished (pending, queued, running: the run stopped first) has no outcome: it did not run.
 */
export function testOutcome(
  name: string,
  state: string | undefined,
  errors: readonly unknown[] | undefined,
): TestOutcome | undefined {
  if (state !== undefined && PASSED.has(state)) return { name, status: "pass" };
  if (state === undefined || !(FAILED.has(state) || SKIPPED.has(state))) return undefined;
  const error = errors?.[0];
  if (error === undefined)
    return { name, status: "fail", message: `test ${FAILED.has(state) ? "failed" : "skipped"}` };
  const outcome: TestOutcome = { name, status: "fail", message: withHint(errorInWords(error)) };
  const expected = stringProperty(error, "expected");
  const actual = stringProperty(error, "actual");
  if (expected !== undefined) outcome.expected = capValue(expected);
  if (actual !== undefined) outcome.actual = capValue(actual);
  return outcome;
}

const LOCATION = /(?:^|[\s("'/[])((?:[\w.-]+\/)*[\w.-]+\.[cm]?[jt]s):(\d+)(?::(\d+))?/gm;

/**
 * The first `file.ts:12:5` (or `file.ts:12`) in a text that names one of `files`, a learner's file
 * first; paths are made relative by dropping everything up to the file's name among `files`.
 */
export function findLocation(
  text: string,
  files: readonly string[],
  preferred: readonly string[] = files,
): SourceLocation | undefined {
  const found: SourceLocation[] = [];
  for (const match of text.matchAll(LOCATION)) {
    const [, path = "", line = "0", column = "1"] = match;
    const file = files.find((candidate) => path === candidate || path.endsWith(`/${candidate}`));
    if (file) found.push({ file, line: Number(line), column: Number(column) });
  }
  return found.find((location) => preferred.includes(location.file)) ?? found[0];
}
