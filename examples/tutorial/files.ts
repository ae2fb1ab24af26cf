// What the model gets to see of a codebase: source files and docs, not tests, build output or
// dependencies, and nothing past a size budget (a file past it is cut, and says so).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { UsageError } from "../utils/errors";

export interface SourceFile {
  path: string;
  content: string;
}

export interface ReadOptions {
  /** Largest file, in characters; a longer one is cut (with a note where). */
  maxFileChars?: number;
  /** All files together, in characters: the first prompt must fit in a model's context. */
  maxTotalChars?: number;
}

const SOURCE = /\.(ts|tsx|js|mjs|py|go|rs|java|md)$/;
const SKIP_DIRS = new Set([
  "node_modules",
  "dist",
  "build",
  ".git",
  ".cache",
  "coverage",
  "tutorial",
  "traces",
]);
const TEST = /(\.test\.|\.spec\.|(^|\/)test-helpers\.|\.d\.ts$)/;

export function readCodebase(
  dir: string,
  { maxFileChars = 12_000, maxTotalChars = 60_000 }: ReadOptions = {},
) {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error("not a folder");
    entries = readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
  } catch (error) {
    throw new UsageError(
      `Cannot read the folder ${dir}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const files: SourceFile[] = [];
  let tests = 0;
  let total = 0;
  for (const entry of entries) {
    const path = entry.split(sep).join("/");
    if (path.split("/").some((part) => SKIP_DIRS.has(part)) || !SOURCE.test(path)) continue;
    const full = join(dir, entry);
    if (!statSync(full).isFile()) continue;
    if (TEST.test(path)) {
      tests += 1;
      continue;
    }
    let content = readFileSync(full, "utf8");
    const room = Math.min(maxFileChars, maxTotalChars - total);
    if (room <= 200) break; // the budget is spent: the rest of the folder stays out
    if (content.length > room)
      content = `${content.slice(0, room)}\n… (cut: ${content.length - room} more characters)`;
    total += content.length;
    files.push({ path: relative(dir, full).split(sep).join("/"), content });
  }
  if (files.length === 0) throw new UsageError(`${dir} has no source files to write about.`);
  return { files, tests, chars: total };
}
