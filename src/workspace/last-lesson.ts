// The course-level record of the lesson the learner opened last, for the home page's "Continue".
// Its own tiny module, free of the store, so a lesson page can remember itself on load cheaply.
import { LAST_LESSON_KEY } from "./storage-keys";

/** The slug of the lesson opened last, or undefined (none yet, unreadable, or no storage). */
export function readLastLesson(storage: Storage): string | undefined {
  try {
    const value = JSON.parse(storage.getItem(LAST_LESSON_KEY) ?? "null") as { slug?: unknown } | null;
    return typeof value?.slug === "string" && value.slug !== "" ? value.slug : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers `slug` as the lesson opened last; false when the browser refuses the write. */
export function rememberLastLesson(storage: Storage, slug: string, now = new Date()): boolean {
  try {
    storage.setItem(LAST_LESSON_KEY, JSON.stringify({ version: 1, slug, at: now.toISOString() }));
    return true;
  } catch {
    return false;
  }
}
