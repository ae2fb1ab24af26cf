// The course map as plain data: parts, their lessons in order, and each lesson's neighbours.
// Pure (no astro:content import) so it can be unit-tested; src/lib/course.ts feeds it the collection.

import type { LessonFrontMatter } from "./lesson-schema";

export const COURSE_NAME = "Build PocketFlow";

export type PartNumber = 1 | 2 | 3;

export type PartInfo = {
  number: PartNumber;
  title: string;
  description: string;
};

export const PARTS: readonly PartInfo[] = [
  {
    number: 1,
    title: "Build the core",
    description:
      "Write PocketFlow yourself, one idea per lesson: nodes, retries, the shared store, transitions, " +
      "flows, nesting, batches and parallelism — about 100 lines in the end.",
  },
  {
    number: 2,
    title: "Patterns",
    description:
      "Use your framework for the classic LLM designs: a chatbot, structured output, map-reduce, " +
      "parallel calls, a workflow, an agent and RAG.",
  },
  {
    number: 3,
    title: "Beyond 100 lines",
    description:
      "Build what real apps need on top of the same core, without growing it: tracing and a drawn graph, " +
      "streaming, a human in the loop, many agents under a supervisor, and a capstone that turns a " +
      "codebase into a tutorial.",
  },
];

/** The front-matter fields a lesson declares (validated by src/lib/lesson-schema.ts). */
export type LessonData = LessonFrontMatter;

export type LessonLink = { slug: string; href: string; title: string; order: number };

export type Lesson = LessonData &
  LessonLink & {
    prev: LessonLink | undefined;
    next: LessonLink | undefined;
  };

export type CoursePart = PartInfo & { lessons: Lesson[]; minutes: number };

export type Course = { parts: CoursePart[]; lessons: Lesson[]; minutes: number };

/** Where a lesson's page lives; `trailingSlash: "always"` in astro.config.mjs. */
export const lessonHref = (slug: string) => `/lessons/${slug}/`;

const linkOf = (lesson: Lesson | undefined): LessonLink | undefined =>
  lesson && { slug: lesson.slug, href: lesson.href, title: lesson.title, order: lesson.order };

/** Builds the course from collection entries; throws when two lessons share a number or parts interleave. */
export function buildCourse(entries: readonly { id: string; data: LessonData }[]): Course {
  const sorted = [...entries].sort((a, b) => a.data.order - b.data.order);
  sorted.forEach((entry, i) => {
    const before = sorted[i - 1];
    if (before && before.data.order === entry.data.order) {
      throw new Error(`Lessons "${before.id}" and "${entry.id}" both have order ${entry.data.order}.`);
    }
    if (before && before.data.part > entry.data.part) {
      throw new Error(
        `Lesson "${entry.id}" (order ${entry.data.order}, part ${entry.data.part}) comes after ` +
          `"${before.id}" from part ${before.data.part}; a part's lessons must all come before the next part's.`,
      );
    }
  });

  const lessons: Lesson[] = sorted.map(({ id, data }) => ({
    ...data,
    slug: id,
    href: lessonHref(id),
    prev: undefined,
    next: undefined,
  }));
  lessons.forEach((lesson, i) => {
    lesson.prev = linkOf(lessons[i - 1]);
    lesson.next = linkOf(lessons[i + 1]);
  });

  const sum = (list: readonly Lesson[]) => list.reduce((total, lesson) => total + lesson.minutes, 0);
  const parts = PARTS.map((part) => {
    const own = lessons.filter((lesson) => lesson.part === part.number);
    return { ...part, lessons: own, minutes: sum(own) };
  });
  return { parts, lessons, minutes: sum(lessons) };
}

/** "~45 min" or "~2 h 5 min": estimated times read better in hours past an hour. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `~${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `~${hours} h` : `~${hours} h ${rest} min`;
}

/** "1 lesson", "3 lessons". */
export const countOf = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;
