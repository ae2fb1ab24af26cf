// The sandbox project's layout and the commands the engine runs in it. Shared by the engine in the
// page and by the test:webcontainer-project check in Node, so both run exactly the same thing. The
// paths match project/vitest.config.js.

/** The project's own files (its node_modules come from the snapshot or from `npm ci`). */
export const PROJECT_FILES = [
  "package.json",
  "package-lock.json",
  "vitest.config.js",
  "pocketflow-reporter.js",
  "pocketflow-progress.js",
] as const;

export type ProjectFiles = Record<(typeof PROJECT_FILES)[number], string>;

/** The learner's files go here; the hidden suite below it, at `exercise/tests/…`. */
export const EXERCISE_DIR = "exercise";
export const JSON_REPORT = ".results/report.json";
export const DETAILS_REPORT = ".results/details.json";

/** Written into the snapshot at build time: which project it holds, and its symlinks (such as
 *  node_modules/.bin's: a binary snapshot cannot hold them, so the engine makes them after mounting). */
export const SNAPSHOT_MANIFEST = "node_modules/.pocketflow-sandbox.json";

export interface SnapshotManifest {
  hash: string;
  /** Link path → target, as `ln -s target path` would make it. */
  links: Record<string, string>;
}

/** Where a link points, as a path from the project root: `node_modules/.bin/x` + `../p/x.js`. */
export function linkTarget(path: string, target: string): string {
  const parts = path.split("/").slice(0, -1);
  for (const part of target.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

export interface Command {
  command: string;
  args: string[];
  env: Record<string, string>;
}

/** One run of the hidden suite: vitest itself, its JSON reporter and the course's progress lines. */
export function vitestRun(timeoutMs: number, trace = false): Command {
  return {
    command: "node",
    args: [
      "node_modules/vitest/vitest.mjs",
      "run",
      `--testTimeout=${Math.max(1, Math.round(timeoutMs))}`,
      // The config is plain JavaScript: import it as it is rather than bundle it first.
      "--configLoader=native",
    ],
    env: { POCKETFLOW_PROGRESS: "1", FORCE_COLOR: "1", ...(trace ? { POCKETFLOW_TRACE: "1" } : {}) },
  };
}

/** Installs the project from its lock file when no snapshot fits. */
export const npmInstall: Command = {
  command: "npm",
  args: ["ci", "--no-audit", "--no-fund", "--ignore-scripts"],
  env: {},
};

/** Bumped when the build changes what a snapshot holds (say, which files it leaves out). */
const SNAPSHOT_FORMAT = 1;

/** A short, stable id of the project's files: names the snapshot, so a stale one never fits. */
export async function projectHash(files: ProjectFiles): Promise<string> {
  const parts = PROJECT_FILES.map((name) => `${name}\n${files[name]}`);
  const text = [`snapshot format ${SNAPSHOT_FORMAT}`, ...parts].join("\n\0\n");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 8)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Where the site serves the snapshot of a project (content-addressed, so it may be cached forever). */
export const snapshotPath = (hash: string) => `_sandbox/${hash}.snapshot`;
