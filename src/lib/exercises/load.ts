// Reads exercises from disk (build time, CLI and checks; never in the browser).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseRegions } from "./carry-forward";
import { DEFAULT_TIMEOUT_MS, exerciseSchema, type CarrySource, type Exercise, type Files } from "./schema";

/** The repository's root, found from this file's place in it. */
export const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));
const exercisesDir = join(projectRoot, "exercises");
const coreDir = join(projectRoot, "core");

const SLUG = /^\d{2}-[a-z0-9-]+$/;

export function listExerciseSlugs(): string[] {
  if (!existsSync(exercisesDir)) return [];
  return readdirSync(exercisesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && SLUG.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Every file below `dir`, keyed by its path relative to `dir` with forward slashes. */
function readTree(dir: string): Files {
  const files: Files = {};
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files[relative(dir, full).split("\\").join("/")] = readFileSync(full, "utf8");
  }
  return files;
}

const coreSource = () => readFileSync(join(coreDir, "index.ts"), "utf8");

/** core/'s own tests, rewritten to import the learner's pocketflow.ts from the workspace root. */
function coreTestsAsSuite(): Files {
  const suite: Files = {};
  for (const [path, source] of Object.entries(readTree(coreDir))) {
    if (path.includes("/")) continue;
    if (path.endsWith(".test.ts") || path === "test-helpers.ts") {
      suite[`tests/${path}`] = source.replaceAll(/from "\.\/index"/g, 'from "../pocketflow"');
    }
  }
  return suite;
}

export function loadExercise(slug: string): Exercise {
  const dir = join(exercisesDir, slug);
  const metaPath = join(dir, "exercise.json");
  if (!existsSync(metaPath))
    throw new Error(`Exercise "${slug}" has no exercise.json in ${relative(projectRoot, dir)}`);
  const parsed = exerciseSchema.safeParse(JSON.parse(readFileSync(metaPath, "utf8")));
  if (!parsed.success) {
    throw new Error(`exercises/${slug}/exercise.json is invalid:\n${parsed.error.message}`);
  }
  const meta = parsed.data;
  const starter = readTree(join(dir, "starter"));
  const solution = readTree(join(dir, "solution"));
  if (meta.solutionIsCore) solution["pocketflow.ts"] = coreSource();
  const readonly: string[] = [];
  if (meta.providesCore) {
    starter["pocketflow.ts"] = solution["pocketflow.ts"] = coreSource();
    readonly.push("pocketflow.ts");
  }
  const tests = meta.testsAreCore ? coreTestsAsSuite() : prefix("tests/", readTree(join(dir, "tests")));
  if (meta.testHelpers) tests["tests/helpers.ts"] = readFileSync(join(coreDir, "test-helpers.ts"), "utf8");
  for (const earlier of meta.earlierStages ?? []) {
    const regression = join(exercisesDir, earlier, "regression.test.ts");
    if (!existsSync(regression))
      throw new Error(`exercises/${slug}: exercises/${earlier}/regression.test.ts is missing`);
    tests[`tests/earlier/${earlier}.test.ts`] = readFileSync(regression, "utf8");
  }
  for (const file of meta.files) {
    if (!(file in starter)) throw new Error(`exercises/${slug}: starter/${file} is missing`);
    if (!(file in solution)) throw new Error(`exercises/${slug}: solution/${file} is missing`);
  }
  if (!Object.keys(tests).some((path) => path.endsWith(".test.ts"))) {
    throw new Error(`exercises/${slug}: the hidden suite has no *.test.ts file`);
  }
  const exercise: Exercise = {
    slug,
    meta,
    starter,
    solution,
    tests,
    readonly,
    timeoutMs: meta.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  if (meta.carryForward) exercise.carry = carrySource(slug, meta.carryForward, starter);
  return exercise;
}

/** The earlier exercise's starter and solution of the carried file, checked to splice cleanly. */
function carrySource(
  slug: string,
  { from, file }: { from: string; file: string },
  starter: Files,
): CarrySource {
  const previous = loadExercise(from);
  const previousStarter = previous.starter[file];
  const previousSolution = previous.solution[file];
  if (previousStarter === undefined || previousSolution === undefined || starter[file] === undefined) {
    throw new Error(`exercises/${slug}: carryForward needs ${file} in both ${from} and ${slug}`);
  }
  for (const [name, source] of [
    [`${from} starter`, previousStarter],
    [`${from} solution`, previousSolution],
    [`${slug} starter`, starter[file]],
  ] as const) {
    const parsed = parseRegions(source);
    if (!parsed.ok) throw new Error(`exercises/${slug}: carryForward: ${file} of ${name}: ${parsed.problem}`);
  }
  return { from, fromTitle: previous.meta.title, file, previousStarter, previousSolution };
}

function prefix(base: string, files: Files): Files {
  return Object.fromEntries(Object.entries(files).map(([path, source]) => [base + path, source]));
}

export const loadAllExercises = () => listExerciseSlugs().map(loadExercise);
