// A paused run as a file: the step to resume at and the whole store, as versioned JSON. Saving checks
// that JSON would keep the store as it is; loading checks everything, because the file may be damaged,
// edited by hand, or written by another version of the example.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { STEP_NAMES, type PostStore, type StepName } from "./nodes";

export interface Checkpoint {
  version: 1;
  resumeAt: StepName;
  shared: PostStore;
  savedAt: string;
}

export class CheckpointError extends Error {
  override name = "CheckpointError";
}

/** What JSON would lose or change in `value`, one line per problem, each naming its path. */
export function unserialisable(value: unknown, path = "shared", seen = new Set<object>()): string[] {
  if (value === null || typeof value === "string" || typeof value === "boolean") return [];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} is ${value}`];
  if (typeof value !== "object")
    return [`${path} is ${typeof value === "function" ? "a function" : typeof value}`];
  if (seen.has(value)) return [`${path} is a cycle`];
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    return [`${path} is a ${value.constructor.name}, which JSON turns into something else`];
  }
  seen.add(value);
  const entries = Array.isArray(value)
    ? value.map((item, i) => [`${path}[${i}]`, item] as const)
    : Object.entries(value).map(([key, item]) => [`${path}.${key}`, item] as const);
  const problems = entries.flatMap(([where, item]) => unserialisable(item, where, seen));
  seen.delete(value);
  return problems;
}

/** Writes the checkpoint whole or not at all: a crash mid-write must not leave half a file. */
export function saveCheckpoint(file: string, resumeAt: StepName, shared: PostStore): Checkpoint {
  const problems = unserialisable(shared);
  if (problems.length > 0) throw new CheckpointError(`Cannot save the paused run: ${problems.join("; ")}.`);
  const checkpoint: Checkpoint = { version: 1, resumeAt, shared, savedAt: new Date().toISOString() };
  writeFileSync(`${file}.tmp`, `${JSON.stringify(checkpoint, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return checkpoint;
}

/** The checkpoint in `file`, or undefined when there is none. Throws CheckpointError on a bad file. */
export function loadCheckpoint(file: string): Checkpoint | undefined {
  if (!existsSync(file)) return undefined;
  const damaged = (why: string) =>
    new CheckpointError(
      `${file} cannot be resumed: ${why}. It was left as it is; delete it (or --discard) to start over.`,
    );
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw damaged(`it is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const checkpoint = (data ?? {}) as Partial<Checkpoint>;
  if (checkpoint.version !== 1) throw damaged(`it has version ${String(checkpoint.version)}, not 1`);
  if (!STEP_NAMES.includes(checkpoint.resumeAt as StepName)) {
    throw damaged(`it resumes at an unknown step, ${JSON.stringify(checkpoint.resumeAt)}`);
  }
  const shared = checkpoint.shared;
  if (
    typeof shared?.topic !== "string" ||
    typeof shared.revisions !== "number" ||
    !Array.isArray(shared.history)
  ) {
    throw damaged("its store has no topic, revisions and history");
  }
  return checkpoint as Checkpoint;
}

export const removeCheckpoint = (file: string) => rmSync(file, { force: true });
