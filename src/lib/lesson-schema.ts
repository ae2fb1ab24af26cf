// The front-matter every lesson declares. Pure zod, so the build (content.config.ts) and the
// content checks in `npm test` validate lessons with the same rules.
import { z } from "zod";

export const lessonSchema = z
  .object({
    title: z.string().min(1).describe("The lesson's title, shown as its page heading and in the course map."),
    description: z
      .string()
      .min(1)
      .describe(
        "One sentence saying what the lesson covers; used in the course map and the meta description.",
      ),
    order: z
      .number()
      .int()
      .positive()
      .describe("The lesson number, 1–22, unique across the course; it sets the reading order."),
    part: z
      .union([z.literal(1), z.literal(2), z.literal(3)])
      .describe('The part the lesson belongs to: 1 "Build the core", 2 "Patterns" or 3 "Beyond 100 lines".'),
    exercise: z
      .string()
      .regex(/^\d{2}-[a-z0-9-]+$/, "an exercise slug looks like 02-the-node")
      .optional()
      .describe("The slug of the lesson's exercise folder in exercises/, e.g. 02-the-node; omit if none."),
    objectives: z
      .array(z.string().min(1))
      .nonempty()
      .describe("What the learner can do after the lesson, one short sentence each; listed at the top."),
    minutes: z
      .number()
      .int()
      .positive()
      .describe("Estimated time to read the lesson and solve its exercise."),
  })
  .strict();

export type LessonFrontMatter = z.infer<typeof lessonSchema>;
