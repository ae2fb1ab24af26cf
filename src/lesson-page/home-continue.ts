// The home page's "Start the course" becomes "Continue: lesson N" for a learner who has opened a
// lesson before. (The course map's ticks are home.ts's.)
import { browserStorage } from "../workspace/browser-storage";
import { lastLesson } from "./course-progress";

export function initHomeContinue(root: Document = document): void {
  const { storage } = browserStorage();
  const link = root.querySelector<HTMLAnchorElement>("[data-course-continue]");
  const slug = lastLesson(storage);
  if (!link || !slug) return;
  const target = root.querySelector<HTMLAnchorElement>(`.course-map a[href="/lessons/${slug}/"]`);
  const order = target?.closest("li")?.getAttribute("value");
  if (!target || !order) return;
  link.href = target.href;
  link.textContent = `Continue: lesson ${order}, ${target.textContent?.trim() ?? ""}`;
}
