// The front-matter of a reference page (content/reference/*.mdx): material a learner looks things up
// in, beside the lessons rather than in their order. Pure zod, like the lesson schema.
import { z } from "zod";

export const referenceSchema = z
  .object({
    title: z.string().min(1).describe("The page's title, shown as its heading and in the browser tab."),
    description: z
      .string()
      .min(1)
      .describe("One sentence saying what the page is for; used as the meta description."),
    lessons: z
      .array(z.string().regex(/^\d{2}-[a-z0-9-]+$/, "a lesson slug looks like 02-the-node"))
      .nonempty()
      .describe("The lessons that link to this page, by slug; the page links back to each of them."),
  })
  .strict();

export type ReferenceFrontMatter = z.infer<typeof referenceSchema>;
