// The one content config: every collection the site renders, each checked against a documented schema.
//   lessons    MDX files in content/lessons (front-matter: src/lib/lesson-schema.ts)
//   exercises  folders in exercises/ (exercise.json: src/lib/exercises/schema.ts), read with their files
//   reference  MDX files in content/reference: look-up pages beside the lessons (src/lib/reference-schema.ts)
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";
import { lessonSchema } from "./lib/lesson-schema";
import { referenceSchema } from "./lib/reference-schema";
import { loadAllExercises } from "./lib/exercises/load";
import { exerciseSchema } from "./lib/exercises/schema";

const lessons = defineCollection({
  loader: glob({ base: "./content/lessons", pattern: "**/*.mdx" }),
  schema: lessonSchema,
});

const files = z.record(z.string(), z.string());

const exercises = defineCollection({
  // loadExercise validates exercise.json and checks that every listed file exists.
  loader: () => loadAllExercises().map((exercise) => ({ id: exercise.slug, ...exercise })),
  schema: z.object({
    slug: z.string().describe("The exercise's folder name, e.g. 06-the-flow."),
    meta: exerciseSchema.describe("exercise.json: title, lesson, files, hints, options."),
    starter: files.describe("The learner's starting files by workspace path, plus read-only provided files."),
    solution: files.describe("The reference solution, in the same shape as starter."),
    tests: files.describe("The hidden suite by path under tests/."),
    readonly: z.array(z.string()).describe("Workspace files shown but not editable."),
    timeoutMs: z.number().int().positive().describe("The time limit for one run of the hidden suite."),
    carry: z
      .object({
        from: z.string().describe("The exercise whose file carries into this one."),
        fromTitle: z.string().describe("Its title, for the workspace's notice."),
        file: z.string().describe("The carried file, e.g. pocketflow.ts."),
        previousStarter: z.string().describe("That exercise's starter of the file."),
        previousSolution: z.string().describe("That exercise's reference solution of the file."),
      })
      .optional()
      .describe(
        "Set by carryForward in exercise.json: what the workspace needs to splice the learner's file.",
      ),
  }),
});

const reference = defineCollection({
  loader: glob({ base: "./content/reference", pattern: "**/*.mdx" }),
  schema: referenceSchema,
});

export const collections = { lessons, exercises, reference };
