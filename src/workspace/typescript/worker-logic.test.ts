// The language-service worker's logic over an exercise's files, in Node with the same TypeScript:
// what the worker answers the editor (errors with their place, hover, completion, definition), and
// that the reference solutions of every exercise type-check in the learner's environment.
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { listExerciseSlugs, loadAllExercises, loadExercise } from "../../lib/exercises/load";
import { loadExerciseEnvironment } from "../../lib/typescript/load-environment";
import { ExerciseService, type Files } from "../../lib/typescript/service";
import { answer, type Method, type Methods, type RequestMessage } from "./protocol";

const environment = loadExerciseEnvironment();
let nextId = 1;

/** One worker: a service, asked through the same messages the page sends. */
function worker() {
  const service = new ExerciseService(ts, environment);
  return async <M extends Method>(method: M, params: Methods[M]["params"], files?: Files) => {
    const reply = answer(service, { id: nextId++, method, params, files } as RequestMessage);
    if (!reply.ok) throw new Error(reply.error);
    return reply.result as Methods[M]["result"];
  };
}

const node = loadExercise("02-the-node");
const solution = node.solution;
const nodes = solution["nodes.ts"] ?? "";
const offsetOf = (text: string, needle: string) => {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  return at;
};

describe("the language-service worker over exercise 2's files", () => {
  it("reports a known type error with its file, position, message and code", async () => {
    const ask = worker();
    const broken = nodes.replace(
      "return count === 0",
      'const label: number = "words";\n    return count === 0',
    );
    const issues = await ask(
      "diagnostics",
      { paths: ["pocketflow.ts", "nodes.ts"] },
      { ...solution, "nodes.ts": broken },
    );
    const start = offsetOf(broken, "label");
    const before = broken.slice(0, start).split("\n");
    expect(issues).toEqual([
      {
        file: "nodes.ts",
        start,
        end: start + "label".length,
        line: before.length,
        column: (before.at(-1)?.length ?? 0) + 1,
        message: "Type 'string' is not assignable to type 'number'.",
        code: 2322,
        severity: "error",
      },
    ]);
  });

  it("follows the learner's keystrokes: an error typed in is reported, and gone once fixed", async () => {
    const ask = worker();
    const paths = ["pocketflow.ts", "nodes.ts"];
    expect(await ask("diagnostics", { paths }, solution)).toEqual([]);
    // Breaking pocketflow.ts shows in nodes.ts, which relies on what it exports.
    const core = solution["pocketflow.ts"] ?? "";
    const renamed = core.replace("export class BaseNode", "export class BaseNod");
    const broken = await ask("diagnostics", { paths }, { "pocketflow.ts": renamed });
    expect(broken.map((issue) => [issue.file, issue.code])).toContainEqual(["nodes.ts", 2724]);
    expect(await ask("diagnostics", { paths }, { "pocketflow.ts": core })).toEqual([]);
  });

  it("reports a syntax error too, with its position", async () => {
    const ask = worker();
    const [issue] = await ask(
      "diagnostics",
      { paths: ["nodes.ts"] },
      { ...solution, "nodes.ts": "const x = ;\n" },
    );
    expect(issue).toMatchObject({ file: "nodes.ts", line: 1, column: 11, code: 1109 });
  });

  it("gives the type of a name on hover: a node's generic hooks as the core declares them", async () => {
    const ask = worker();
    await ask("diagnostics", { paths: [] }, solution);
    const pos = offsetOf(nodes, "prep(") + 1;
    const hover = await ask("hover", { path: "nodes.ts", pos });
    expect(hover?.parts.map((part) => part.text).join("")).toMatch(/^\(method\) CountWords\.prep\(shared: /);
    expect(hover?.start).toBe(offsetOf(nodes, "prep("));
  });

  it("completes the members of a value after a dot, and the core's exports in an import", async () => {
    const ask = worker();
    const probe = 'import { } from "./pocketflow";\nconst text = "a b";\ntext.';
    const files = { ...solution, "probe.ts": probe };
    const members = await ask("completions", { path: "probe.ts", pos: probe.length, trigger: "." }, files);
    expect(members.member).toBe(true);
    expect(members.items.map((item) => item.name)).toEqual(
      expect.arrayContaining(["split", "trim", "length"]),
    );
    const exports = await ask("completions", { path: "probe.ts", pos: "import { ".length });
    expect(exports.items.map((item) => item.name)).toEqual(
      expect.arrayContaining(["Action", "BaseNode", "MaybePromise"]),
    );
    const detail = await ask("completionDetail", { path: "probe.ts", pos: probe.length, name: "split" });
    expect(detail?.parts.map((part) => part.text).join("")).toContain("split(");
  });

  it("goes to a definition in another file of the exercise, and to none in the lib files", async () => {
    const ask = worker();
    await ask("diagnostics", { paths: [] }, solution);
    const core = solution["pocketflow.ts"] ?? "";
    const [target, ...more] = await ask("definition", {
      path: "nodes.ts",
      pos: offsetOf(nodes, "Node<") + 1,
    });
    expect(more).toEqual([]);
    expect(target?.file).toBe("pocketflow.ts");
    expect(core.slice(target?.start, target?.end)).toBe("BaseNode");
    const onLib = await ask("definition", { path: "nodes.ts", pos: offsetOf(nodes, "split") + 1 });
    expect(onLib).toEqual([]);
  });

  it("answers a request it cannot serve with an error reply, and keeps serving", async () => {
    const service = new ExerciseService(ts, environment);
    const reply = answer(service, { id: 8, method: "hover", params: null } as unknown as RequestMessage);
    expect(reply).toMatchObject({ id: 8, ok: false, error: expect.stringMatching(/null/) });
    const next = answer(service, {
      id: 9,
      method: "diagnostics",
      params: { paths: ["a.ts"] },
      files: { "a.ts": "" },
    });
    expect(next).toEqual({ id: 9, ok: true, result: [] });
  });
});

describe("every exercise's reference solution", () => {
  const exercises = loadAllExercises();

  it("covers every exercise of the course", () => {
    expect(exercises.map((exercise) => exercise.slug)).toEqual(listExerciseSlugs());
  });

  it.each(exercises.map((exercise) => [exercise.slug, exercise] as const))(
    "%s: the solution reports no errors in the editor",
    async (_slug, exercise) => {
      // the page sends the learner's files and the read-only ones (the provided core in part 2)
      const files = { ...exercise.solution };
      for (const path of exercise.readonly) files[path] = exercise.starter[path] ?? "";
      const ask = worker();
      expect(await ask("diagnostics", { paths: Object.keys(files) }, files)).toEqual([]);
    },
  );
});
