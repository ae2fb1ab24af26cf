// `npm run learn [-- <command>]`: parses the arguments and runs one command. Everything the learner
// sees goes through the injected streams, so the tests drive exactly what the terminal does.
import { parseArgs } from "node:util";
import { carry, hint, list, reset, run } from "./actions";
import { createContext, type LearnIO, type LearnOptions } from "./context";
import { openSession } from "./session";
import { trace } from "./trace";
import { watchCourse } from "./watch";

export const HELP = `Build PocketFlow — do the course's exercises in your own editor.

Usage: npm run learn [-- <command>] [--workspace <dir>]

Commands:
  (none), watch    Watch mode: runs the current exercise's tests on every save and moves on
                   to the next exercise when they all pass and the code type-checks. While
                   it watches, type h (and Enter) for a hint, l for the list, Enter to run
                   again; Ctrl+C or q stops.
  list             Every exercise with its status: done, current or not started.
  hint [exercise]  Shows the next hint for the current exercise (three per exercise).
  reset <exercise> Restores an exercise's starter files, after asking.
  carry <exercise> Part 1: starts an exercise's pocketflow.ts from yours of the previous
                   exercise, with its TODOs added (watch mode does this when you get there).
  run [exercise]   Runs an exercise's tests and type check once; exit code 0 only if every
                   test passes and the code type-checks.
  trace [exercise] Runs the tests with a tracer and prints, for each failing test, the nodes
                   your flow ran, their actions and their changes to the store (parts 2, 3).
  help             This text.

An exercise is named by its folder (10-the-whole-core) or the start of it (10).
Your code lives in workspace/<exercise>/, your progress in workspace/progress.json.
--workspace <dir> (or LEARN_WORKSPACE=<dir>) uses another folder.`;

/** Runs one command and resolves with the process's exit code. */
export async function runCommand(args: string[], io: LearnIO, options: LearnOptions = {}): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { workspace: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}\n`);
    return 2;
  }
  const [command = "watch", name, ...extra] = parsed.positionals;
  if (parsed.values.help || command === "help") {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  const known = ["watch", "list", "hint", "reset", "run", "carry", "trace"];
  if (
    !known.includes(command) ||
    extra.length > 0 ||
    (name !== undefined && ["watch", "list"].includes(command))
  ) {
    io.stderr.write(`Unknown command: ${parsed.positionals.join(" ")}\n\n${HELP}\n`);
    return 2;
  }
  const session = openSession(createContext(io, parsed.values.workspace, options));
  if (session.slugs.length === 0) {
    session.ctx.err("No exercises found in exercises/.");
    return 1;
  }
  switch (command) {
    case "list":
      return list(session);
    case "hint":
      return hint(session, name);
    case "reset":
      return reset(session, name);
    case "carry":
      return carry(session, name);
    case "run":
      return run(session, name);
    case "trace":
      return trace(session, name);
    default:
      return watchCourse(session);
  }
}
