// For every exercise: its hidden suite must fail on starter/ (at least one test) and pass on
// solution/ (every test), run by vitest itself. Prints one line per exercise; exits 1 on a problem.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { summarize } from "../src/lib/engine/report";
import { loadAllExercises, projectRoot } from "../src/lib/exercises/load";
import { materialize, runWithNodeVitest, type Workspace } from "./lib/node-vitest";

const exercises = loadAllExercises();
const workspaces: Workspace[] = exercises.flatMap((exercise) => [
  { id: `${exercise.slug}--starter`, files: { ...exercise.starter, ...exercise.tests } },
  { id: `${exercise.slug}--solution`, files: { ...exercise.solution, ...exercise.tests } },
]);

// Starters, solutions and suites must also type-check together: the starter declares every type
// the suite uses, so the learner's editor can help before anything runs. tsc works on its own copy
// of the workspaces, in parallel with the vitest run.
const typecheckRoot = join(projectRoot, ".cache", "exercise-typecheck");
materialize(typecheckRoot, workspaces);
writeFileSync(
  join(typecheckRoot, "tsconfig.json"),
  JSON.stringify({
    extends: join(projectRoot, "tsconfig.json"),
    compilerOptions: { types: ["node"], typeRoots: [join(projectRoot, "node_modules", "@types")] },
    include: ["./*/**/*.ts"],
    exclude: [],
  }),
);
const typecheck = new Promise<{ status: number | null; output: string }>((done) => {
  const tsc = spawn(join(projectRoot, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", typecheckRoot]);
  let output = "";
  tsc.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  tsc.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  tsc.on("close", (status) => done({ status, output }));
});

const reports = await runWithNodeVitest(join(projectRoot, ".cache", "exercise-check"), workspaces);
const problems: string[] = [];
const tsc = await typecheck;
if (tsc.status !== 0) problems.push(`type errors in exercise workspaces:\n${tsc.output}`);

for (const exercise of exercises) {
  const starter = reports.get(`${exercise.slug}--starter`);
  const solution = reports.get(`${exercise.slug}--solution`);
  if (!starter || !solution) throw new Error(`no report for ${exercise.slug}`);
  console.log(
    `${exercise.slug.padEnd(28)} starter: ${summarize(starter).padEnd(22)} solution: ${summarize(solution)}`,
  );
  if (starter.tests.length === 0)
    problems.push(`${exercise.slug}: the suite did not run on the starter\n${starter.output}`);
  else if (starter.tests.every((test) => test.status === "pass"))
    problems.push(`${exercise.slug}: every test passes on the starter`);
  if (solution.status !== "pass") {
    const failed = solution.tests.filter((test) => test.status === "fail");
    problems.push(
      `${exercise.slug}: the solution does not pass\n${solution.output}` +
        failed.map((test) => `  ✗ ${test.name}: ${test.message ?? ""}`).join("\n"),
    );
  }
}

const solutionTests = exercises.flatMap((exercise) => reports.get(`${exercise.slug}--solution`)?.tests ?? []);
console.log(`\n${exercises.length} exercises, ${solutionTests.length} hidden tests`);
// The plain closing line: every hidden test, run on the reference solutions.
console.log(`solutions: ${summarize({ tests: solutionTests })}`);
if (problems.length > 0) {
  console.error(`\n${problems.join("\n\n")}`);
  process.exit(1);
}
