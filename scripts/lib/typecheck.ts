// Type checks for the exercise check and `npm run learn`, in one place:
// - `typecheckFiles`: the learner's environment (the editor's language service, run in Node), so a
//   terminal and the browser report the same errors;
// - `typecheckWithTsc`: tsc over whole workspaces with their hidden suites and vitest's types.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { styleText } from "node:util";
import ts from "typescript";
import { projectRoot } from "../../src/lib/exercises/load";
import type { Files } from "../../src/lib/exercises/schema";
import { loadExerciseEnvironment } from "../../src/lib/typescript/load-environment";
import { ExerciseService, type TypeIssue } from "../../src/lib/typescript/service";
import { materialize, type Workspace } from "./node-vitest";

let service: ExerciseService | undefined;

/**
 * Syntax and type errors in `files` (a workspace: the learner's files and read-only ones), reported
 * for the files in `judged` (all by default). One service per process: a re-check after a save
 * reuses everything that did not change.
 */
export function typecheckFiles(files: Files, judged: string[] = Object.keys(files)): TypeIssue[] {
  service ??= new ExerciseService(ts, loadExerciseEnvironment());
  service.setFiles(files);
  return service.check(judged.filter((path) => path in files));
}

export const countTypeErrors = (count: number) => `${count} type ${count === 1 ? "error" : "errors"}`;

type Style = (format: Parameters<typeof styleText>[0], text: string) => string;
const plain: Style = (_format, text) => text;

/** The lines around an issue, with its line marked and the span underlined, as tsc --pretty does. */
export function codeFrame(text: string, issue: TypeIssue, style: Style = plain, context = 1): string[] {
  const lines = text.split("\n");
  const first = Math.max(1, issue.line - context);
  const last = Math.min(lines.length, issue.line + context);
  const width = String(last).length;
  const frame: string[] = [];
  for (let number = first; number <= last; number++) {
    const line = (lines[number - 1] ?? "").replace(/\r$/, "");
    const marked = number === issue.line;
    frame.push(
      `${marked ? style("red", ">") : " "} ${style("dim", `${String(number).padStart(width)} |`)} ${line}`,
    );
    if (marked) {
      const lineEnd = line.length - (issue.column - 1);
      const length = Math.max(1, Math.min(issue.end - issue.start, lineEnd));
      const caret = " ".repeat(issue.column - 1) + "^".repeat(length);
      frame.push(`  ${style("dim", `${" ".repeat(width)} |`)} ${style("red", caret)}`);
    }
  }
  return frame;
}

/**
 * Each issue as `path:line:column - error TS2322: message`, followed by its code frame; `shown`
 * turns a workspace path into the path the reader should open.
 */
export function formatTypeIssues(
  issues: TypeIssue[],
  files: Files,
  { shown = (path: string) => path, style = plain }: { shown?: (path: string) => string; style?: Style } = {},
): string[] {
  return issues.flatMap((issue) => [
    `${style("cyan", `${shown(issue.file)}:${issue.line}:${issue.column}`)} - ${style("red", issue.severity)} ${style("dim", `TS${issue.code}:`)} ${issue.message}`,
    ...codeFrame(files[issue.file] ?? "", issue, style),
  ]);
}

/**
 * tsc over whole workspaces (the learner's files with the hidden suite), written below `root`, with
 * the project's options and vitest's types. Resolves with tsc's exit status and output.
 */
export function typecheckWithTsc(root: string, workspaces: Workspace[]) {
  materialize(root, workspaces);
  writeFileSync(
    join(root, "tsconfig.json"),
    JSON.stringify({
      extends: join(projectRoot, "tsconfig.json"),
      compilerOptions: { types: ["node"], typeRoots: [join(projectRoot, "node_modules", "@types")] },
      include: ["./*/**/*.ts"],
      exclude: [],
    }),
  );
  const started = performance.now();
  return new Promise<{ status: number | null; output: string; ms: number }>((done) => {
    const tsc = spawn(join(projectRoot, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", root]);
    let output = "";
    tsc.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    tsc.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    tsc.on("close", (status) => done({ status, output, ms: performance.now() - started }));
  });
}
