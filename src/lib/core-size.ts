// Figures about a source file that lessons quote (the core's lines, its lines of code), computed at
// build time so that the text follows the file as it changes.
import { readRepoFile } from "./regions";

/** Lines of `source`, and its lines of code: those that are neither blank nor a comment. */
export function countLines(source: string): { lines: number; code: number } {
  const lines = source.replace(/\n$/, "").split("\n");
  const code = lines.filter((line) => !/^\s*($|\/\/|\/\*|\*)/.test(line));
  return { lines: lines.length, code: code.length };
}

/** The figures of a repo-relative file, core/index.ts by default. */
export const sizeOf = (file = "core/index.ts") => countLines(readRepoFile(file));
