// The home page's "Start the course" becomes "Continue: lesson N" for a learner who has opened a
// lesson before, and the course map gets its ticks and a count of the exercises done.
import { browserStorage } from "../workspace/progress-store";
import { completedLessons, lastLesson, markLessons } from "./course-progress";

export function initHomeContinue(root: Document = document): void {
  const { storage } = browserStorage();
  markLessons(root, completedLessons(storage));
  const link = root.querySelector<HTMLAnchorElement>("[data-course-continue]");
  const slug = lastLesson(storage);
  if (!link || !slug) return;
  const target = root.querySelector<HTMLAnchorElement>(`.course-map a[href="/lessons/${slug}/"]`);
  const order = target?.closest("li")?.getAttribute("value");
  if (!target || !order) return;
  link.href = target.href;
  link.textContent = `Continue: lesson ${order}, ${target.textContent?.trim() ?? ""}`;
}
