// The course map built from the lessons collection, computed once per build and shared by every page.
import { getCollection } from "astro:content";
import { buildCourse, type Course, type Lesson } from "./course-map";

export * from "./course-map";

let cached: Promise<Course> | undefined;

/** All parts and lessons in order, with prev/next links; components get this plain data. */
export function getCourse(): Promise<Course> {
  // In dev, lessons change while the server runs, so only a production build may reuse the map.
  if (!cached || import.meta.env.DEV) cached = getCollection("lessons").then(buildCourse);
  return cached;
}

/** One lesson of the course map, by slug (the MDX file name without extension). */
export async function getLesson(slug: string): Promise<Lesson> {
  const lesson = (await getCourse()).lessons.find((candidate) => candidate.slug === slug);
  if (!lesson) throw new Error(`No lesson "${slug}" in content/lessons.`);
  return lesson;
}
