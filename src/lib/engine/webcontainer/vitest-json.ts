// Turns what a vitest run in the sandbox wrote — vitest's JSON report and the course reporter's
// details (project/pocketflow-reporter.js) — into the TestReport every engine returns, with the same
// test names and statuses as the offline engine and Node vitest. The sandbox runs learner code, so
// both files are checked before anything is read from them.
import { readTestTrace } from "../../trace/model";
import { errorInWords, findLocation, testOutcome, withHint } from "../outcome";
import {
  runStatus,
  testNameFromFullName,
  type RunProblem,
  type TestOutcome,
  type TestReport,
} from "../report";
import { isRecord } from "../../words";

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
  /** A traced run: each test's trace as the sandbox recorded it (checked by readTestTrace). */
  traces?: { file: string; fullName: string; trace: unknown }[];
}

const isString = (value: unknown): value is string => typeof value === "string";
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isListOf = <T>(value: unknown, item: (entry: unknown) => entry is T): value is T[] =>
  Array.isArray(value) && value.every(item);

const isAssertion = (
  value: unknown,
): value is VitestJsonReport["testResults"][number]["assertionResults"][number] =>
  isRecord(value) &&
  isStringList(value.ancestorTitles) &&
  isString(value.title) &&
  isString(value.status) &&
  isStringList(value.failureMessages);

const isFileResult = (value: unknown): value is VitestJsonReport["testResults"][number] =>
  isRecord(value) &&
  isString(value.name) &&
  isString(value.message) &&
  isListOf(value.assertionResults, isAssertion);

const isError = (value: unknown): value is ErrorDetails =>
  isRecord(value) &&
  isString(value.name) &&
  isString(value.message) &&
  (value.expected === undefined || isString(value.expected)) &&
  (value.actual === undefined || isString(value.actual));

const isErrorsOf = (value: unknown): value is { file: string; errors: ErrorDetails[] } =>
  isRecord(value) && isString(value.file) && isListOf(value.errors, isError);

export class UnreadableReport extends Error {}

export function readJsonReport(text: string): VitestJsonReport {
  const value: unknown = JSON.parse(text);
  if (!isRecord(value) || !isListOf(value.testResults, isFileResult))
    throw new UnreadableReport("vitest's JSON report does not have the expected shape");
  return { testResults: value.testResults };
}

export function readDetails(text: string): RunDetails {
  const value: unknown = JSON.parse(text);
  const valid =
    isRecord(value) &&
    value.version === 1 &&
    isListOf(
      value.tests,
      (test): test is RunDetails["tests"][number] =>
        isErrorsOf(test) && isString((test as { fullName?: unknown }).fullName),
    ) &&
    isListOf(value.moduleErrors, isErrorsOf) &&
    isListOf(value.unhandledErrors, isError) &&
    isString(value.console) &&
    (value.traces === undefined ||
      isListOf(
        value.traces,
        (entry): entry is { file: string; fullName: string; trace: unknown } =>
          isRecord(entry) && isString(entry.file) && isString(entry.fullName),
      ));
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

/** The JSON reporter's states in the shared mapping's words; `pending` (never finished) did not run. */
const JSON_STATES: Record<string, string | undefined> = {
  passed: "passed",
  failed: "failed",
  skipped: "skipped",
  todo: "todo",
};

/**
 * One test of the JSON report as a TestOutcome, by the course's shared mapping (../outcome.ts):
 * the reporter's error (message, expected, actual) when it wrote one, else the message in the JSON
 * report's stack. Undefined when the test never finished (it did not run).
 */
export function outcomeFromVitestJson(
  assertion: VitestJsonReport["testResults"][number]["assertionResults"][number],
  errors: ErrorDetails[] | undefined,
  relative: (text: string) => string,
): TestOutcome | undefined {
  const name = testNameFromFullName([...assertion.ancestorTitles, assertion.title].join(" > "));
  const stack = assertion.failureMessages[0];
  const fromStack = stack === undefined ? undefined : [{ message: messageFromStack(stack) }];
  const outcome = testOutcome(name, JSON_STATES[assertion.status], errors ?? fromStack);
  if (outcome?.message !== undefined) outcome.message = relative(outcome.message);
  if (outcome?.expected !== undefined) outcome.expected = stripAnsi(outcome.expected);
  if (outcome?.actual !== undefined) outcome.actual = stripAnsi(outcome.actual);
  return outcome;
}

/**
 * The whole run as a TestReport, with the problems and not-run tests every engine reports: a file
 * that did not load is a `load` problem naming it (and where the error points), an error nobody
 * caught an `unhandled` one, so neither can read as "0 failed". `details` may be missing (the
 * course reporter did not get to write it); the JSON report alone still gives every test's name,
 * status and message. `paths` are the workspace's files, to find a location in a message.
 */
export function reportFromVitestRun(
  json: VitestJsonReport,
  details: RunDetails | undefined,
  exerciseRoot: string,
  durationMs: number,
  paths: readonly string[] = [],
): TestReport {
  const relative = relativeTo(exerciseRoot);
  const learnerFiles = paths.filter((path) => !path.startsWith("tests/"));
  const locate = (message: string) => findLocation(message, paths, learnerFiles);
  // Errors of failed tests by file and full name; a name used twice in a file is taken in order.
  const errorsByTest = new Map<string, ErrorDetails[][]>();
  for (const test of details?.tests ?? []) {
    const key = `${test.file}\0${test.fullName}`;
    errorsByTest.set(key, [...(errorsByTest.get(key) ?? []), test.errors]);
  }

  // File order as in the offline engine; a learner's syntax error that stops every file is said in
  // the output once, with the files it stopped.
  const tracesByTest = new Map<string, unknown[]>();
  for (const { file, fullName, trace } of details?.traces ?? []) {
    const key = `${file}\0${fullName}`;
    tracesByTest.set(key, [...(tracesByTest.get(key) ?? []), trace]);
  }

  const files = [...json.testResults].sort((a, b) => (relative(a.name) < relative(b.name) ? -1 : 1));
  const tests: TestOutcome[] = [];
  const notRun: string[] = [];
  const problems: RunProblem[] = [];
  const fileErrors = new Map<string, string[]>();
  for (const file of files) {
    const path = relative(file.name);
    for (const assertion of file.assertionResults) {
      const key = `${path}\0${[...assertion.ancestorTitles, assertion.title].join(" > ")}`;
      const outcome = outcomeFromVitestJson(assertion, errorsByTest.get(key)?.shift(), relative);
      // A trace only helps the learner read a result: one that does not check out is left out.
      const trace = readTestTrace(tracesByTest.get(key)?.shift());
      if (outcome && trace) outcome.trace = trace;
      if (outcome) tests.push(outcome);
      else notRun.push(testNameFromFullName([...assertion.ancestorTitles, assertion.title].join(" > ")));
    }
    const moduleErrors = details?.moduleErrors.find((entry) => entry.file === path)?.errors;
    const messages = moduleErrors?.map(errorInWords) ?? (file.message ? [file.message] : []);
    if (messages.length === 0) continue;
    const text = relative(messages.join("\n"));
    fileErrors.set(text, [...(fileErrors.get(text) ?? []), path]);
    if (file.assertionResults.length > 0) continue; // a hook failed: its tests failed with its words
    const message = withHint(text.replace(/^Transform failed with \d+ errors?:\s*/, "").trim());
    const location = locate(message);
    problems.push({ kind: "load", testFile: path, message, ...(location ? { location } : {}) });
  }
  let output = relative(details?.console ?? "");
  for (const [text, filesStopped] of fileErrors) output += `${filesStopped.join(", ")}: ${text}\n`;
  for (const error of details?.unhandledErrors ?? []) {
    const message = withHint(relative(errorInWords(error)));
    const location = locate(message);
    problems.push({ kind: "unhandled", message, ...(location ? { location } : {}) });
    output += `Unhandled error (a promise nobody awaited, or a throw from a timer): ${message}\n`;
  }
  if (files.length === 0) {
    const message = "The hidden suite has no *.test.ts file.";
    problems.push({ kind: "engine", message });
    output += `${message}\n`;
  }
  const report: TestReport = { engine: "webcontainer", status: "pass", durationMs, tests, output };
  if (problems.length > 0) report.problems = problems;
  if (notRun.length > 0) report.notRun = notRun;
  report.status = runStatus(report);
  return report;
}

/** The report with the planned tests of every file that did not load added as not run. */
export function withUnloadedTestsNotRun(
  report: TestReport,
  plan: Record<string, readonly string[] | null> | undefined,
): TestReport {
  const unloaded = (report.problems ?? []).flatMap((problem) =>
    problem.kind === "load" && problem.testFile ? [problem.testFile] : [],
  );
  const names = unloaded.flatMap((file) => plan?.[file] ?? []);
  if (names.length === 0) return report;
  return { ...report, notRun: [...(report.notRun ?? []), ...names] };
}
