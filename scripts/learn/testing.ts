// Shared by the learn CLI's tests: a fake terminal, a temporary workspace, and the exercises used.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import { loadExercise } from "../../src/lib/exercises/load";
import type { Exercise } from "../../src/lib/exercises/schema";
import type { LearnIO } from "./context";

/** A terminal whose input the test types and whose output it reads (colours stripped). */
export function fakeTerminal() {
  const stdin = new PassThrough();
  let out = "";
  let err = "";
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        append(stripVTControlCharacters(chunk.toString()));
        done();
      },
    });
  const abort = new AbortController();
  const io: LearnIO = {
    stdin,
    stdout: sink((text) => (out += text)),
    stderr: sink((text) => (err += text)),
    env: {},
    signal: abort.signal,
  };
  return {
    io,
    type: (line: string) => stdin.write(`${line}\n`),
    pressCtrlC: () => abort.abort(),
    out: () => out,
    err: () => err,
    /** Forgets what was printed so far, so the next assertions see only what follows. */
    clear: () => {
      out = "";
      err = "";
    },
    /** Resolves once the output contains `text` `times` times; rejects after `timeoutMs`. */
    async waitFor(text: string, { times = 1, timeoutMs = 15_000 } = {}) {
      const started = Date.now();
      while (out.split(text).length - 1 < times) {
        if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for "${text}" in:\n${out}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}

export const tempWorkspace = (name: string) =>
  join(mkdtempSync(join(tmpdir(), `learn-${name}-`)), "workspace");

export const WHOLE_CORE = "10-the-whole-core";

/**
 * Exercise 10 (which exists and is stable) and a second exercise to advance to: a copy of it under
 * another slug, so the tests never depend on exercises still being written.
 */
export function twoExercises(): Exercise[] {
  const whole = loadExercise(WHOLE_CORE);
  const copy: Exercise = {
    ...whole,
    slug: "11-second-copy",
    meta: { ...whole.meta, title: "The same, once more" },
  };
  return [whole, copy];
}
