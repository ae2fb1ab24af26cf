// The lesson page's own script, loaded with the page (small: no editor, no engine). It wires the
// parts of the layout that are not the workspace: the course sidebar's ticks, the divider, focus
// mode, the narrow-screen jump between lesson and exercise, and the lesson's "Go to the exercise".
import { initWorkspaces } from "../workspace/loader";
import { browserStorage } from "../workspace/browser-storage";
import { completedExercises, markLessons, rememberLesson } from "./course-progress";
import { initSplitPane } from "./split-pane";

/** Focus mode gives the exercise pane the whole window; Escape (outside the editor) leaves it. */
function initFocusMode(layout: HTMLElement, toggle: HTMLButtonElement): void {
  const set = (on: boolean) => {
    layout.toggleAttribute("data-focus", on);
    document.documentElement.toggleAttribute("data-focus-mode", on);
    toggle.setAttribute("aria-pressed", String(on));
  };
  toggle.addEventListener("click", () => set(!layout.hasAttribute("data-focus")));
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !layout.hasAttribute("data-focus") || event.defaultPrevented) return;
    // In the editor, Escape is the first half of "Escape, then Tab" that leaves it.
    if (event.target instanceof Element && event.target.closest(".cm-editor, dialog")) return;
    set(false);
    toggle.focus();
  });
}

/** On narrow screens a floating link jumps to the exercise, or back to the lesson when there. */
function initJumpLink(link: HTMLAnchorElement, exercise: HTMLElement): void {
  const toLesson = { href: "#lesson-top", text: "Back to the lesson ↑" };
  const toExercise = { href: "#exercise-pane", text: "Go to the exercise ↓" };
  const show = (target: typeof toLesson) => {
    link.href = target.href;
    link.textContent = target.text;
  };
  new IntersectionObserver((entries) => {
    const entry = entries.at(-1);
    if (entry) show(entry.isIntersecting ? toLesson : toExercise);
  }).observe(exercise);
}

/** Ends the lesson's Exercise section with a link that opens the workspace and its editor. */
function addExercisePointer(exercise: HTMLElement): void {
  const heading = document.querySelector(".lesson-body > h2#exercise");
  if (!heading) return;
  let end: Element = heading;
  while (end.nextElementSibling && end.nextElementSibling.tagName !== "H2") end = end.nextElementSibling;
  const link = Object.assign(document.createElement("a"), {
    href: "#exercise-pane",
    textContent: "Go to the exercise",
  });
  const pointer = Object.assign(document.createElement("p"), { className: "exercise-pointer" });
  pointer.append(link);
  end.after(pointer);
  link.addEventListener("click", (event) => {
    event.preventDefault();
    exercise.scrollIntoView({ block: "start" });
    const start = exercise.querySelector<HTMLButtonElement>("[data-workspace-start] button");
    const editor = exercise.querySelector<HTMLElement>(".cm-content");
    if (editor) editor.focus();
    else if (start && !start.closest("[hidden]")) start.click();
    else exercise.querySelector<HTMLElement>("h2")?.focus();
  });
}

export function initLessonPage(): void {
  initWorkspaces();
  const { storage, persistent } = browserStorage();
  const layout = document.querySelector<HTMLElement>("[data-lesson-layout]");
  if (persistent && layout?.dataset.lessonSlug) rememberLesson(storage, layout.dataset.lessonSlug);
  markLessons(document, completedExercises(storage));

  const exercise = document.querySelector<HTMLElement>("#exercise-pane");
  const divider = document.querySelector<HTMLElement>("[data-pane-divider]");
  if (layout && divider) initSplitPane(layout, divider, persistent ? storage : undefined);
  const toggle = document.querySelector<HTMLButtonElement>("[data-focus-toggle]");
  if (layout && toggle) initFocusMode(layout, toggle);
  const jump = document.querySelector<HTMLAnchorElement>("[data-jump-link]");
  if (jump && exercise && "IntersectionObserver" in window) initJumpLink(jump, exercise);
  if (exercise) addExercisePointer(exercise);
}
