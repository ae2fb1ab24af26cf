// Turns what a vitest run in the sandbox wrote — vitest's JSON report and the course reporter's
// details (project/pocketflow-reporter.js) — into the TestReport every engine returns, with the same
// test names and statuses as the offline engine and Node vitest. The sandbox runs learner code, so
// both files are checked before anything is read from them.
import { statusOf, testNameFromFullName, type TestOutcome, type TestReport } from "../report";

/** The part of vitest's JSON reporter output read here. */
export interface VitestJsonReport {
  testResults: {
    /** The test file's absolute path. */
    name: string;
    /** Why the file did not load or a hook around its tests failed ("" when nothing went wrong). */
    message: string;
    assertionResults: {
      ancestorTitles: string[];
      title: string;
      /** passed | failed | skipped | pending | todo */
      status: string;
      /** The errors' stacks (or messages). */
      failureMessages: string[];
    }[];
  }[];
}

export interface ErrorDetails {
  name: string;
  message: string;
  expected?: string;
  actual?: string;
}

/** What project/pocketflow-reporter.js writes. */
export interface RunDetails {
  version: 1;
  /** Failed tests only; `file` is relative to the exercise folder, `fullName` joined by " > ". */
  tests: { file: string; fullName: string; errors: ErrorDetails[] }[];
  moduleErrors: { file: string; errors: ErrorDetails[] }[];
  unhandledErrors: ErrorDetails[];
  console: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isListOf = <T>(value: unknown, item: (entry: unknown) => entry is T): value is T[] =>
  Array.isArray(value) && value.every(item);

const isAssertion = (
  value: unknown,
): value is VitestJsonReport["testResults"][number]["assertionResults"][number] =>
  isObject(value) &&
  isStringList(value.ancestorTitles) &&
  isString(value.title) &&
  isString(value.status) &&
  isStringList(value.failureMessages);

const isFileResult = (value: unknown): value is VitestJsonReport["testResults"][number] =>
  isObject(value) &&
  isString(value.name) &&
  isString(value.message) &&
  isListOf(value.assertionResults, isAssertion);

const isError = (value: unknown): value is ErrorDetails =>
  isObject(value) &&
  isString(value.name) &&
  isString(value.message) &&
  (value.expected === undefined || isString(value.expected)) &&
  (value.actual === undefined || isString(value.actual));

const isErrorsOf = (value: unknown): value is { file: string; errors: ErrorDetails[] } =>
  isObject(value) && isString(value.file) && isListOf(value.errors, isError);

export class UnreadableReport extends Error {}

export function readJsonReport(text: string): VitestJsonReport {
  const value: unknown = JSON.parse(text);
  if (!isObject(value) || !isListOf(value.testResults, isFileResult))
    throw new UnreadableReport("vitest's JSON report does not have the expected shape");
  return { testResults: value.testResults };
}

export function readDetails(text: string): RunDetails {
  const value: unknown = JSON.parse(text);
  const valid =
    isObject(value) &&
    value.version === 1 &&
    isListOf(
      value.tests,
      (test): test is RunDetails["tests"][number] =>
        isErrorsOf(test) && isString((test as { fullName?: unknown }).fullName),
    ) &&
    isListOf(value.moduleErrors, isErrorsOf) &&
    isListOf(value.unhandledErrors, isError) &&
    isString(value.console);
  if (!valid) throw new UnreadableReport("the run's details do not have the expected shape");
  return value as unknown as RunDetails;
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes are control characters
const ANSI = /\u001b\[[0-9;]*m/g;
export const stripAnsi = (text: string) => text.replace(ANSI, "");

/** Makes paths in messages relative to the exercise folder, as learners and the editor name files. */
export function relativeTo(exerciseRoot: string): (text: string) => string {
  const root = exerciseRoot.endsWith("/") ? exerciseRoot : `${exerciseRoot}/`;
  return (text) => stripAnsi(text).replaceAll(`file://${root}`, "").replaceAll(root, "");
}

/** The message of an error from its stack as the JSON reporter gives it: "Name: message\n    at …". */
export function messageFromStack(stack: string): string {
  const frame = stack.search(/\n\s+at /);
  const head = frame < 0 ? stack : stack.slice(0, frame);
  return head.replace(/^(?:[A-Z][\w$]*)?Error: /, "");
}

const STATE_WORDS: Record<string, string> = { failed: "failed", skipped: "skipped", todo: "skipped" };

/**
 * One test of the JSON report as a TestOutcome: the course's vitest-result → outcome mapping for
 * the WebContainer (Node vitest's is `outcomeOf` in scripts/lib/node-vitest.ts, the offline
 * engine's `outcomeOf` in worker/runner.ts): pass or fail, the first error's message, and its
 * expected and actual values when vitest printed them.
 */
export function outcomeFromVitestJson(
  assertion: VitestJsonReport["testResults"][number]["assertionResults"][number],
  errors: ErrorDetails[] | undefined,
  relative: (text: string) => string,
): TestOutcome {
  const name = testNameFromFullName([...assertion.ancestorTitles, assertion.title].join(" > "));
  if (assertion.status === "passed") return { name, status: "pass" };
  const error = errors?.[0];
  const stack = assertion.failureMessages[0];
  const message =
    error?.message ??
    (stack === undefined ? undefined : messageFromStack(stack)) ??
    `test ${STATE_WORDS[assertion.status] ?? "pending"}`;
  const outcome: TestOutcome = { name, status: "fail", message: relative(message) };
  if (error?.expected !== undefined) outcome.expected = stripAnsi(error.expected);
  if (error?.actual !== undefined) outcome.actual = stripAnsi(error.actual);
  return outcome;
}

const describeError = ({ name, message }: ErrorDetails) =>
  name && name !== "Error" ? `${name}: ${message}` : message;

/**
 * The whole run as a TestReport. `details` may be missing (the course reporter did not get to write
 * it); the JSON report alone still gives every test's name, status and message.
 */
export function reportFromVitestRun(
  json: VitestJsonReport,
  details: RunDetails | undefined,
  exerciseRoot: string,
  durationMs: number,
): TestReport {
  const relative = relativeTo(exerciseRoot);
  const fileOf = (path: string) => relative(path);
  // Errors of failed tests by file and full name; a name used twice in a file is taken in order.
  const errorsByTest = new Map<string, ErrorDetails[][]>();
  for (const test of details?.tests ?? []) {
    const key = `${test.file}\0${test.fullName}`;
    errorsByTest.set(key, [...(errorsByTest.get(key) ?? []), test.errors]);
  }

  // File order and grouping as in the offline engine: a learner's syntax error stops every file
  // with the same words, said once.
  const files = [...json.testResults].sort((a, b) => (fileOf(a.name) < fileOf(b.name) ? -1 : 1));
  const tests: TestOutcome[] = [];
  const fileErrors = new Map<string, string[]>();
  const problems: string[] = [];
  let filesThatDidNotLoad = 0;
  for (const file of files) {
    const path = fileOf(file.name);
    for (const assertion of file.assertionResults) {
      const key = `${path}\0${[...assertion.ancestorTitles, assertion.title].join(" > ")}`;
      tests.push(outcomeFromVitestJson(assertion, errorsByTest.get(key)?.shift(), relative));
    }
    const moduleErrors = details?.moduleErrors.find((entry) => entry.file === path)?.errors;
    const messages = moduleErrors?.map(describeError) ?? (file.message ? [file.message] : []);
    if (messages.length > 0) {
      const text = relative(messages.join("\n"));
      fileErrors.set(text, [...(fileErrors.get(text) ?? []), path]);
      if (file.assertionResults.length === 0) filesThatDidNotLoad += 1;
    }
  }
  for (const [text, paths] of fileErrors) problems.push(`${paths.join(", ")}: ${text}\n`);
  for (const error of details?.unhandledErrors ?? []) {
    problems.push(`Unhandled error (a promise nobody awaited?): ${relative(describeError(error))}\n`);
  }

  let status: TestReport["status"] = statusOf(tests);
  if (files.length === 0) {
    status = "error";
    problems.push("The hidden suite has no *.test.ts file.\n");
  } else if (filesThatDidNotLoad > 0) status = tests.length === 0 ? "error" : "fail";
  const output = relative(details?.console ?? "") + problems.join("");
  return { engine: "webcontainer", status, durationMs, tests, output };
}
