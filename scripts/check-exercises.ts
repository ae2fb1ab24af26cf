// For every exercise: its hidden suite must fail on starter/ (at least one test) and pass on
// solution/ (every test), run by vitest itself. Prints one line per exercise; exits 1 on a problem.
import { join } from "node:path";
import { summarize } from "../src/lib/engine/report";
import { loadAllExercises, projectRoot } from "../src/lib/exercises/load";
import { runWithNodeVitest, type Workspace } from "./lib/node-vitest";
import { countTypeErrors, formatTypeIssues, typecheckFiles, typecheckWithTsc } from "./lib/typecheck";

const exercises = loadAllExercises();
const workspaces: Workspace[] = exercises.flatMap((exercise) => [
  { id: `${exercise.slug}--starter`, files: { ...exercise.starter, ...exercise.tests } },
  { id: `${exercise.slug}--solution`, files: { ...exercise.solution, ...exercise.tests } },
]);

// Starters, solutions and suites must also type-check together: the starter declares every type
// the suite uses, so the learner's editor can help before anything runs. tsc works on its own copy
// of the workspaces, in parallel with the vitest run.
const typecheck = typecheckWithTsc(join(projectRoot, ".cache", "exercise-typecheck"), workspaces);

const reports = await runWithNodeVitest(join(projectRoot, ".cache", "exercise-check"), workspaces);
const problems: string[] = [];
const tsc = await typecheck;
if (tsc.status !== 0) problems.push(`type errors in exercise workspaces:\n${tsc.output}`);
// And the learner's files alone, as the editor and `npm run learn` check them: a starter or a
// solution with an error there would show the learner an error they did not make.
for (const exercise of exercises) {
  for (const [kind, files] of [
    ["starter", exercise.starter],
    ["solution", exercise.solution],
  ] as const) {
    const issues = typecheckFiles(files);
    if (issues.length === 0) continue;
    const lines = formatTypeIssues(issues, files, { shown: (path) => `${exercise.slug}/${kind}/${path}` });
    problems.push(
      `${exercise.slug}: ${countTypeErrors(issues.length)} in the ${kind}, as the editor checks it\n${lines.join("\n")}`,
    );
  }
}

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
