// Watch mode: judge the current exercise on every save, and move on to the next one on a full pass.
import { watch as watchFolder } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Exercise } from "../../src/lib/exercises/schema";
import { hint, list } from "./actions";
import { PROGRESS_FILE } from "./progress";
import { introduce, runAndReport, type Session } from "./session";
import { exerciseDir, isJudgedFile } from "./workspace";

interface Watching {
  /** Asks for a run; a run in progress is cancelled, so the newest code is what gets judged. */
  rerun(): void;
  /** Settles once the exercise passed ("done") or watching stopped ("stopped"), with no run left. */
  finished: Promise<"done" | "stopped">;
}

function watchExercise(session: Session, exercise: Exercise, stop: AbortSignal): Watching {
  const { ctx } = session;
  const dir = exerciseDir(ctx.workspace, exercise.slug);
  let timer: NodeJS.Timeout | undefined;
  let pending = false;
  let running: Promise<void> | undefined;
  let run: AbortController | undefined;
  let settle: (outcome: "done" | "stopped") => void = () => undefined;
  const finished = new Promise<"done" | "stopped">((resolve) => (settle = resolve));
  let outcome: "done" | "stopped" | undefined;

  let reports = 0;
  // In a terminal, each re-run replaces the previous result on screen (the first run keeps what
  // came before, such as the message that the previous exercise is done).
  const terminal = (ctx.io.stdout as { isTTY?: boolean }).isTTY === true;
  const beforeReport = () => {
    if (reports++ === 0 || !terminal) return;
    ctx.io.stdout.write("\u001b[2J\u001b[H");
    introduce(session, exercise);
  };
  const loop = async () => {
    while (pending && !outcome) {
      pending = false;
      run = new AbortController();
      try {
        const result = await runAndReport(session, exercise, { signal: run.signal, beforeReport });
        if (result.cancelled) continue;
        if (result.passed) outcome = "done";
        else ctx.out(ctx.style("dim", `Watching ${ctx.show(dir)}/ — save a file to run the tests again.`));
      } catch (error) {
        // not the learner's mistake (their errors are in the result): say so and keep watching
        ctx.err(`The test run itself failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    running = undefined;
  };
  const rerun = () => {
    if (outcome) return;
    pending = true;
    run?.abort();
    running ??= loop().then(() => outcome && end(outcome));
  };
  // Editors save in several writes (temp file, rename, chmod): wait for a quiet moment.
  const onChange = (_event: string, name: string | null) => {
    if (!name || !isJudgedFile(name)) return;
    clearTimeout(timer);
    timer = setTimeout(rerun, ctx.debounceMs);
  };
  const watcher = watchFolder(dir, onChange);
  watcher.on("error", (error) => ctx.err(`Cannot watch ${ctx.show(dir)}: ${error.message}`));
  const end = (result: "done" | "stopped") => {
    outcome ??= result;
    clearTimeout(timer);
    watcher.close();
    stop.removeEventListener("abort", onStop);
    if (running) return; // the loop calls end again once the cancelled run has closed
    settle(outcome);
  };
  const onStop = () => {
    run?.abort();
    end("stopped");
  };
  stop.addEventListener("abort", onStop, { once: true });
  if (stop.aborted) onStop();
  else rerun();
  return { rerun, finished };
}

/** Keys typed while watching (a line each): Enter runs again, h shows a hint, l lists, q quits. */
function listenForKeys(session: Session, actions: { rerun(): void; quit(): void }) {
  const lines = createInterface({ input: session.ctx.io.stdin, terminal: false });
  lines.on("line", (line) => {
    const key = line.trim().toLowerCase();
    if (key === "") actions.rerun();
    else if (key === "h") hint(session);
    else if (key === "l") list(session);
    else if (key === "q") actions.quit();
    else session.ctx.out("Keys: Enter runs the tests again, h shows a hint, l lists the exercises, q quits.");
  });
  return lines;
}

export async function watchCourse(session: Session): Promise<number> {
  const { ctx } = session;
  let exercise = session.current();
  if (!exercise) {
    ctx.out("Every exercise is done: you have built PocketFlow. `npm run learn -- list` shows them all.");
    return 0;
  }
  ctx.out(
    ctx.style("bold", "Build PocketFlow — watch mode") +
      ctx.style("dim", "  (type h + Enter for a hint, l for the list; Ctrl+C or q to stop)"),
  );
  introduce(session, exercise);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  ctx.io.signal?.addEventListener("abort", onSignal, { once: true });
  if (ctx.io.signal?.aborted) stop.abort();
  let watching: Watching | undefined;
  const keys = listenForKeys(session, { rerun: () => watching?.rerun(), quit: () => stop.abort() });
  try {
    while (exercise) {
      watching = watchExercise(session, exercise, stop.signal);
      if ((await watching.finished) === "stopped") break;
      // the run that passed has already announced the next exercise and where its files are
      exercise = session.current();
    }
  } finally {
    keys.close();
    ctx.io.signal?.removeEventListener("abort", onSignal);
  }
  if (stop.signal.aborted) {
    ctx.out(`Stopped watching. Your progress is saved in ${ctx.show(join(ctx.workspace, PROGRESS_FILE))}.`);
  }
  return 0;
}
