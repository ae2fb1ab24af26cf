// progress.json under concurrent `learn` processes: every update is read-modify-write under a lock,
// so hints shown from two terminals at once, or a run finishing meanwhile, are never lost.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { entryOf, PROGRESS_LOCK, updateProgress } from "./progress";
import { tempWorkspace } from "./testing";

const PROGRESS_MODULE = fileURLToPath(new URL("./progress.ts", import.meta.url));
const read = (workspace: string) => JSON.parse(readFileSync(join(workspace, "progress.json"), "utf8"));

/** A separate Node process that counts `rounds` hints for one exercise, one update per hint. */
function countHints(workspace: string, rounds: number): Promise<number> {
  const script = `
    const { entryOf, updateProgress } = await import(${JSON.stringify(PROGRESS_MODULE)});
    for (let i = 0; i < ${rounds}; i++) {
      updateProgress(${JSON.stringify(workspace)}, ["01-a"], (p) => { entryOf(p, "01-a").hintsShown += 1; });
    }`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

describe("progress.json shared by several learn processes", () => {
  it("loses no update when three processes count at the same time", { timeout: 60_000 }, async () => {
    const workspace = tempWorkspace("lock");
    const codes = await Promise.all([
      countHints(workspace, 40),
      countHints(workspace, 40),
      countHints(workspace, 40),
    ]);
    expect(codes).toEqual([0, 0, 0]);
    expect(read(workspace).exercises["01-a"].hintsShown).toBe(120);
    expect(existsSync(join(workspace, PROGRESS_LOCK))).toBe(false);
  });

  it("applies the change to what is on disk now, not to an older copy", () => {
    const workspace = tempWorkspace("lock");
    updateProgress(workspace, ["01-a"], (p) => (entryOf(p, "01-a").hintsShown = 2));
    const written = updateProgress(workspace, ["01-a"], (p) => (entryOf(p, "01-a").done = true));
    expect(written.progress.exercises["01-a"]).toEqual({ done: true, hintsShown: 2 });
    expect(read(workspace).exercises["01-a"]).toEqual({ done: true, hintsShown: 2 });
  });

  it("takes over a lock left behind by a process that is gone", () => {
    const workspace = tempWorkspace("lock");
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, PROGRESS_LOCK), "999999999");
    updateProgress(workspace, ["01-a"], (p) => (entryOf(p, "01-a").hintsShown = 1));
    expect(read(workspace).exercises["01-a"].hintsShown).toBe(1);
    expect(existsSync(join(workspace, PROGRESS_LOCK))).toBe(false);
  });

  it("takes over a lock that has been held far longer than any update takes", () => {
    const workspace = tempWorkspace("lock");
    mkdirSync(workspace, { recursive: true });
    const lock = join(workspace, PROGRESS_LOCK);
    writeFileSync(lock, String(process.pid)); // a live pid (ours), but an hour old
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lock, anHourAgo, anHourAgo);
    updateProgress(workspace, ["01-a"], (p) => (entryOf(p, "01-a").done = true));
    expect(read(workspace).exercises["01-a"].done).toBe(true);
  });

  it("moves an unreadable file aside inside the lock and says so", () => {
    const workspace = tempWorkspace("lock");
    mkdirSync(workspace, { recursive: true });
    writeFileSync(join(workspace, "progress.json"), "{ broken");
    const { progress, notice } = updateProgress(workspace, ["01-a"], (p) => (entryOf(p, "01-a").done = true));
    expect(notice?.problem).toContain("not valid JSON");
    expect(readFileSync(notice?.movedTo ?? "", "utf8")).toBe("{ broken");
    expect(progress.exercises["01-a"]?.done).toBe(true);
  });
});
