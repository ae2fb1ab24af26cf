// The course-level view of saved progress, shared by the lesson sidebar and the home page: which
// lessons are complete (and how), and the lesson the learner opened last ("Continue: lesson N").
// Small and synchronous: it runs with the page, before the learner touches anything.
import { checkRecord } from "../workspace/progress-store";
import { slugOfKey, STORAGE_PREFIX } from "../workspace/storage-keys";

export type Completion = "own" | "solution";

/**
 * Exercise slug → how it was completed, from every readable record. Only reads: a damaged record is
 * left where it is, for the workspace (or the home page) to set aside and report.
 */
export function completedExercises(storage: Storage): Map<string, Completion> {
  const done = new Map<string, Completion>();
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i) ?? "";
      const slug = slugOfKey(key);
      if (slug === undefined) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(storage.getItem(key) ?? "null");
      } catch {
        continue;
      }
      const checked = checkRecord(parsed, slug);
      if (checked.ok && checked.record.completedAt) {
        done.set(checked.record.slug, checked.record.completedWith ?? "own");
      }
    }
  } catch {
    // Storage blocked: no ticks, nothing lost.
  }
  return done;
}

const COMPLETION_LABEL: Record<Completion, string> = {
  own: "(completed)",
  solution: "(completed with the solution shown)",
};

/**
 * Shows the tick (`[data-lesson-done]`) inside every `[data-exercise]` entry whose exercise is
 * complete, and fills `[data-course-progress]` with "N of M exercises done". Returns N. A record
 * counts only for the exercise it is the record of, so a stray record ticks nothing.
 */
export function markLessons(root: ParentNode, done: Map<string, Completion>): number {
  const lessons = [...root.querySelectorAll<HTMLElement>("[data-exercise]")].filter(
    (element) => element.dataset.exercise && element.querySelector("[data-lesson-done]"),
  );
  // An exercise may be listed twice on a page (the sidebar and the lesson's own header): count it once.
  const slugs = new Set(lessons.map((lesson) => lesson.dataset.exercise ?? ""));
  const count = [...slugs].filter((slug) => done.has(slug)).length;
  for (const lesson of lessons) {
    const completion = done.get(lesson.dataset.exercise ?? "");
    const mark = lesson.querySelector<HTMLElement>("[data-lesson-done]");
    if (!mark) continue;
    mark.hidden = !completion;
    mark.dataset.completion = completion ?? "";
    const label = mark.querySelector(".visually-hidden");
    if (label && completion) label.textContent = COMPLETION_LABEL[completion];
  }
  for (const summary of root.querySelectorAll<HTMLElement>("[data-course-progress]")) {
    summary.textContent = `${count} of ${slugs.size} exercises done`;
  }
  return count;
}

const LAST_LESSON_KEY = `${STORAGE_PREFIX}:course:last-lesson`;

/** Remembers the lesson on screen, for the home page's "Continue" link. Best effort. */
export function rememberLesson(storage: Storage, slug: string): void {
  try {
    storage.setItem(LAST_LESSON_KEY, slug);
  } catch {
    // Storage full or blocked: the home page then offers "Start the course", nothing is lost.
  }
}

/** The slug of the lesson opened last, if any. */
export function lastLesson(storage: Storage): string | undefined {
  try {
    const slug = storage.getItem(LAST_LESSON_KEY);
    return slug && /^\d{2}-[a-z0-9-]+$/.test(slug) ? slug : undefined;
  } catch {
    return undefined;
  }
}
