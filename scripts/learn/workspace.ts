// The learner's folder: workspace/<slug>/ holds their copy of each exercise's starter files.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Exercise, Files } from "../../src/lib/exercises/schema";

export const exerciseDir = (workspace: string, slug: string) => join(workspace, slug);

/**
 * Copies every starter file that is not in the workspace yet; a file already there is the learner's
 * and is never overwritten. Returns the slugs that received at least one file.
 */
export function copyMissingStarters(workspace: string, exercises: Exercise[]): string[] {
  const touched: string[] = [];
  for (const exercise of exercises) {
    let copied = false;
    for (const [path, source] of Object.entries(exercise.starter)) {
      const target = join(exerciseDir(workspace, exercise.slug), path);
      mkdirSync(dirname(target), { recursive: true });
      try {
        writeFileSync(target, source, { flag: "wx" }); // wx: fails instead of overwriting
        copied = true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
    }
    if (copied) touched.push(exercise.slug);
  }
  return touched;
}

/** Replaces the exercise's files with its starter (the learner has confirmed). */
export function restoreStarter(workspace: string, exercise: Exercise): string[] {
  const written: string[] = [];
  for (const [path, source] of Object.entries(exercise.starter)) {
    const target = join(exerciseDir(workspace, exercise.slug), path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, source);
    written.push(target);
  }
  return written;
}

/**
 * The files a run judges: every TypeScript file at the root of the learner's folder (the ones they
 * edit, plus helpers they may have added), with the course's read-only files on top.
 */
export function learnerFiles(workspace: string, exercise: Exercise): Files {
  const dir = exerciseDir(workspace, exercise.slug);
  const files: Files = {};
  if (existsSync(dir)) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name)) {
        files[entry.name] = readFileSync(join(dir, entry.name), "utf8");
      }
    }
  }
  for (const path of exercise.readonly) {
    const source = exercise.starter[path];
    if (source !== undefined) files[path] = source;
  }
  return files;
}

/** Whether a changed file name (from a watcher) can change the result of a run. */
export const isJudgedFile = (name: string) => /\.[cm]?[jt]s$/.test(name) && !name.includes("/");
