// TypeScript → CommonJS for the worker's module loader. Sucrase only strips types and rewrites
// imports token by token, so line numbers stay those of the learner's source (stack traces point
// at the lines the learner sees).
import { transform } from "sucrase";

/** A file that does not parse, with where (1-based line and column in the original source). */
export class SourceSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    readonly frame: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}\n${frame}`);
    this.name = "SyntaxError";
  }
}

/** 1-based line and column of a 0-based character offset. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const lines = before.split("\n");
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** The offending line with a caret under the column, as editors and compilers print it. */
export function codeFrame(source: string, line: number, column: number): string {
  const text = (source.split("\n")[line - 1] ?? "").replace(/\r$/, "");
  const gutter = `${line} | `;
  return `${gutter}${text}\n${" ".repeat(gutter.length + column - 1)}^`;
}

/** Sucrase reports "Error transforming <file>: Unexpected token (2:17)"; keep only the reason. */
function reasonOf(message: string): string {
  return message
    .replace(/^Error transforming [^:]*: /, "")
    .replace(/ \(\d+:\d+\)$/, "")
    .trim();
}

function hasOffset(error: unknown): error is Error & { pos: number } {
  return error instanceof Error && typeof (error as { pos?: unknown }).pos === "number";
}

/** Compiles one workspace file to a CommonJS function body; throws SourceSyntaxError. */
export function toCommonJs(file: string, source: string): string {
  try {
    return transform(source, {
      transforms: ["typescript", "imports"],
      filePath: file,
      // Chromium runs modern syntax natively; keeping class fields as they are gives the same
      // [[Define]] semantics that TypeScript (target ES2022+) and vitest use.
      disableESTransforms: true,
      production: true,
    }).code;
  } catch (error) {
    if (!hasOffset(error)) throw error;
    const { line, column } = positionOf(source, error.pos);
    throw new SourceSyntaxError(file, line, column, reasonOf(error.message), codeFrame(source, line, column));
  }
}
