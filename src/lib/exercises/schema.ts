// The shape of exercises/<NN-slug>/exercise.json. Pure zod: the site, the CLI and the checks share it.
import { z } from "zod";

/** Repo-relative paths inside a learner's workspace, such as `pocketflow.ts` or `chatbot.ts`. */
const workspacePath = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*\.ts$/, "a workspace file is a lowercase name ending in .ts, at the root");

export const exerciseSchema = z
  .object({
    title: z.string().min(1).describe("The exercise's title, shown above the workspace."),
    lesson: z
      .string()
      .regex(/^\d{2}-[a-z0-9-]+$/)
      .describe("The slug of the lesson that teaches what the exercise asks (a file in content/lessons/)."),
    files: z
      .array(workspacePath)
      .nonempty()
      .describe("The files the learner edits, in tab order; each has a starter/ and a solution/ version."),
    hints: z
      .tuple([z.string().min(1), z.string().min(1), z.string().min(1)])
      .describe("A ladder of three hints, revealed one at a time: a nudge, the concept, a near-solution."),
    timeoutMs: z
      .number()
      .int()
      .min(1000)
      .max(60000)
      .optional()
      .describe("How long one run of the hidden suite may take before it is stopped; 5000 ms if omitted."),
    providesCore: z
      .boolean()
      .optional()
      .describe(
        "Part 2: the finished core is mounted read-only as pocketflow.ts beside the learner's files.",
      ),
    solutionIsCore: z
      .boolean()
      .optional()
      .describe("The reference solution of pocketflow.ts is core/index.ts itself (no solution/ copy)."),
    earlierStages: z
      .array(z.string().regex(/^\d{2}-[a-z0-9-]+$/))
      .optional()
      .describe(
        "Part 1: earlier exercises whose regression.test.ts joins this suite (at tests/earlier/<slug>.test.ts), " +
          "so a regression in what they built fails here too.",
      ),
    testHelpers: z
      .boolean()
      .optional()
      .describe("Mounts core/test-helpers.ts (delay, captureWarnings, inFlightGauge) as tests/helpers.ts."),
    carryForward: z
      .object({
        from: z.string().regex(/^\d{2}-[a-z0-9-]+$/),
        file: workspacePath,
      })
      .strict()
      .optional()
      .describe(
        "Part 1: the learner's `file` from exercise `from` carries into this one. Regions this starter keeps " +
          "exactly as `from`'s solution had them come from the learner's file; added or changed regions come " +
          "from this starter (src/lib/exercises/carry-forward.ts).",
      ),
    testsAreCore: z
      .boolean()
      .optional()
      .describe("The hidden suite is core/'s own test files, importing the learner's pocketflow.ts instead."),
  })
  .strict();

export type ExerciseMeta = z.infer<typeof exerciseSchema>;

/** Files of a workspace by path: `pocketflow.ts`, `tests/node.test.ts`, … */
export type Files = Record<string, string>;

/** What the carry-forward splice needs from the exercise a learner comes from. */
export interface CarrySource {
  from: string;
  fromTitle: string;
  file: string;
  previousStarter: string;
  previousSolution: string;
}

/** Everything an engine, the site or the CLI needs to know about one exercise. */
export interface Exercise {
  slug: string;
  meta: ExerciseMeta;
  /** What the learner starts from (editable files, plus read-only ones such as a provided core). */
  starter: Files;
  /** The reference solution, in the same shape as `starter`. */
  solution: Files;
  /** The hidden suite, by path under `tests/`. */
  tests: Files;
  /** Files shown but not editable (for example the provided core in part 2). */
  readonly: string[];
  timeoutMs: number;
  /** Present when the learner's file of an earlier exercise carries into this one. */
  carry?: CarrySource;
}

export const DEFAULT_TIMEOUT_MS = 5000;
