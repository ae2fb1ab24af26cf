// For every exercise: its hidden suite must fail on starter/ (at least one test) and pass on
// solution/ (every test), run by vitest itself. The variant catalog (scripts/catalog) rides along in
// the same run: each correct alternative must pass and each known mistake must fail, in the test
// meant to catch it. Prints one line per exercise; exits 1 on a problem.
// `npx tsx scripts/check-exercises.ts 06 10` checks only the exercises whose slugs start with 06 or 10.
import { join } from "node:path";
import { summarize, type TestReport } from "../src/lib/engine/report";
import { loadAllExercises, projectRoot } from "../src/lib/exercises/load";
import { catalog } from "./catalog";
import { variantFiles, type Variant } from "./catalog/variant";
import { runWithNodeVitest, type Workspace } from "./lib/node-vitest";
import { countTypeErrors, formatTypeIssues, typecheckFiles, typecheckWithTsc } from "./lib/typecheck";

const only = process.argv.slice(2);
const exercises = loadAllExercises().filter(
  (exercise) => only.length === 0 || only.some((prefix) => exercise.slug.startsWith(prefix)),
);
const variantsOf = (slug: string): Variant[] => catalog[slug] ?? [];
const variantId = (slug: string, i: number) => `${slug}--variant-${i + 1}`;

const workspaces: Workspace[] = exercises.flatMap((exercise) => [
  { id: `${exercise.slug}--starter`, files: { ...exercise.starter, ...exercise.tests } },
  { id: `${exercise.slug}--solution`, files: { ...exercise.solution, ...exercise.tests } },
  ...variantsOf(exercise.slug).map((variant, i) => ({
    id: variantId(exercise.slug, i),
    files: { ...variantFiles(exercise, variant), ...exercise.tests },
  })),
]);

// Starters, solutions, correct variants and suites must also type-check together: the starter declares
// every type the suite uses, so the learner's editor can help before anything runs. (A known mistake
// need not compile: the engines strip types and run it anyway.) tsc works on its own copy of the
// workspaces, in parallel with the vitest run.
const isMistake = (id: string) => {
  const match = /^(.*)--variant-(\d+)$/.exec(id);
  return match ? variantsOf(match[1] ?? "")[Number(match[2]) - 1]?.kind === "mistake" : false;
};
const typecheck = typecheckWithTsc(
  join(projectRoot, ".cache", "exercise-typecheck"),
  workspaces.filter((workspace) => !isMistake(workspace.id)),
);

const started = performance.now();
// Workers are reused across test files: with the catalog there are hundreds of small files. Many
// suites wait on real timers rather than the CPU, so more workers than cores finish sooner; their
// concurrency checks read the order of events, which extra load cannot change.
const reports = await runWithNodeVitest(join(projectRoot, ".cache", "exercise-check"), workspaces, {
  isolate: false,
  maxWorkers: 4,
});
const vitestSeconds = ((performance.now() - started) / 1000).toFixed(1);
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

const failures = (report: TestReport) =>
  report.tests
    .filter((test) => test.status === "fail")
    .map((test) => `  ✗ ${test.name}: ${test.message ?? ""}`)
    .join("\n");

/** Why a variant was judged wrongly, or undefined when the suite judged it as the catalog says. */
function misjudged(variant: Variant, report: TestReport): string | undefined {
  if (report.tests.length === 0) return `the suite did not run\n${report.output}`;
  if (variant.kind === "correct")
    return report.status === "pass" ? undefined : `a correct variant fails\n${failures(report)}`;
  const failed = report.tests.filter((test) => test.status === "fail");
  if (failed.length === 0) return "a known mistake passes every test";
  const caughtBy = variant.caughtBy;
  if (caughtBy && !failed.some((test) => test.name.includes(caughtBy)))
    return `a known mistake is not caught by "${caughtBy}"; it fails only\n${failures(report)}`;
  return undefined;
}

let variantCount = 0;
for (const exercise of exercises) {
  const starter = reports.get(`${exercise.slug}--starter`);
  const solution = reports.get(`${exercise.slug}--solution`);
  if (!starter || !solution) throw new Error(`no report for ${exercise.slug}`);
  const variants = variantsOf(exercise.slug);
  const judged = variants.filter((variant, i) => {
    const report = reports.get(variantId(exercise.slug, i));
    const problem = report ? misjudged(variant, report) : "no report";
    if (problem)
      problems.push(`${exercise.slug}, catalog variant "${variant.name}" (${variant.kind}): ${problem}`);
    return !problem;
  });
  variantCount += variants.length;
  console.log(
    `${exercise.slug.padEnd(28)} starter: ${summarize(starter).padEnd(22)} solution: ` +
      `${summarize(solution).padEnd(22)} catalog: ` +
      `${judged.length} of ${variants.length} judged right`,
  );
  if (starter.tests.length === 0)
    problems.push(`${exercise.slug}: the suite did not run on the starter\n${starter.output}`);
  else if (starter.tests.every((test) => test.status === "pass"))
    problems.push(`${exercise.slug}: every test passes on the starter`);
  if (solution.status !== "pass") {
    problems.push(`${exercise.slug}: the solution does not pass\n${solution.output}${failures(solution)}`);
  }
  // Every exercise has its variants: at least two of each kind.
  for (const kind of ["correct", "mistake"] as const) {
    if (variants.filter((variant) => variant.kind === kind).length < 2)
      problems.push(`${exercise.slug}: the catalog needs at least two ${kind} variants`);
  }
}

const solutionTests = exercises.flatMap((exercise) => reports.get(`${exercise.slug}--solution`)?.tests ?? []);
console.log(`\n${exercises.length} exercises, ${solutionTests.length} hidden tests`);
console.log(
  `catalog: ${variantCount} variants, run with the suites in one vitest run ` +
    `(vitest ${vitestSeconds} s, tsc beside it ${(tsc.ms / 1000).toFixed(1)} s)`,
);
// The plain closing line: every hidden test, run on the reference solutions.
console.log(`solutions: ${summarize({ tests: solutionTests })}`);
if (problems.length > 0) {
  console.error(`\n${problems.join("\n\n")}`);
  process.exit(1);
}
