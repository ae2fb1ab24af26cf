// Keeps the sandbox's exercise folder equal to what a run needs: the learner's files at its root, the
// hidden suite below it. Only what changed since the last run is written, and files the next
// exercise does not have (another lesson's tests) are removed.
import { EXERCISE_DIR } from "./layout";
import type { Sandbox } from "./runtime";

export type Files = Record<string, string>;

/** A workspace path: relative, forward slashes, no `..`: it must stay inside the exercise folder. */
export function isWorkspacePath(path: string): boolean {
  if (!path || path.startsWith("/") || path.includes("\\") || path.includes("\0")) return false;
  return path.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}

export interface SyncResult {
  written: string[];
  removed: string[];
}

export class ExerciseFolder {
  /** What the sandbox holds now, by workspace path. */
  private readonly mounted = new Map<string, string>();
  private readonly folders = new Set<string>();

  constructor(private readonly sandbox: Sandbox) {}

  async sync(files: Files): Promise<SyncResult> {
    const bad = Object.keys(files).filter((path) => !isWorkspacePath(path));
    if (bad.length > 0) throw new Error(`These paths are not inside the workspace: ${bad.join(", ")}`);
    const removed = [...this.mounted.keys()].filter((path) => !(path in files)).sort();
    for (const path of removed) {
      await this.sandbox.rm(`${EXERCISE_DIR}/${path}`);
      this.mounted.delete(path);
    }
    const written = Object.keys(files)
      .filter((path) => this.mounted.get(path) !== files[path])
      .sort();
    for (const path of written) {
      const folder = path.includes("/")
        ? `${EXERCISE_DIR}/${path.slice(0, path.lastIndexOf("/"))}`
        : EXERCISE_DIR;
      if (!this.folders.has(folder)) {
        await this.sandbox.mkdir(folder);
        this.folders.add(folder);
      }
      const contents = files[path] ?? "";
      await this.sandbox.writeFile(`${EXERCISE_DIR}/${path}`, contents);
      this.mounted.set(path, contents);
    }
    return { written, removed };
  }
}
