// The home page's share of progress: ticks on the course map for completed lessons, export and
// import of all progress as a JSON file, and help when the storage is full. Small, and loaded with
// the page (no editor, no engine); it reads localStorage synchronously, so the ticks show at once.
import { markLessons } from "../lesson-page/course-progress";
import { browserStorage } from "./browser-storage";
import { completedWith } from "./progress-record";
import { describeSetAside, ProgressStore } from "./progress-store";
import { describeImport, ImportError, importProgress, type CourseExercises } from "./progress-transfer";
import { downloadProgress, StorageHelp } from "./storage-help";
import { STORAGE_PREFIX } from "./storage-keys";

/** The course's exercises, from the map's entries (`data-exercise` with its `data-lesson`). */
function courseExercises(root: ParentNode): CourseExercises {
  const entries = [...root.querySelectorAll<HTMLElement>("[data-exercise][data-lesson]")];
  return new Map(entries.map((entry) => [entry.dataset.exercise ?? "", entry.dataset.lesson ?? ""]));
}

function markCompleted(root: ParentNode, store: ProgressStore, course: CourseExercises): string[] {
  // Loading every record sets damaged ones aside; the home page reports them.
  const { records, setAside } = store.loadAll();
  const done = new Map(
    records.flatMap((record) => {
      const how = completedWith(record);
      return how ? [[record.slug, how] as const] : [];
    }),
  );
  const count = markLessons(root, done);
  const summary = root.querySelector<HTMLElement>("[data-progress-summary]");
  if (summary) {
    summary.textContent = `In this browser you have completed ${count} of the ${course.size} lessons with an exercise.`;
  }
  return setAside.map(describeSetAside);
}

export function initHome(root: Document = document): void {
  const section = root.querySelector<HTMLElement>("[data-progress]");
  const status = root.querySelector<HTMLElement>("[data-progress-status]");
  const { storage, state } = browserStorage();
  const store = new ProgressStore(storage);
  const course = courseExercises(root);
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const notices = markCompleted(root, store, course);
  // Another tab completed a lesson or imported progress: the ticks follow.
  window.addEventListener("storage", (event) => {
    if (event.key === null || event.key.startsWith(`${STORAGE_PREFIX}:`)) markCompleted(root, store, course);
  });
  if (!section) return;
  section.hidden = false;
  const help: StorageHelp = new StorageHelp(store, {
    exportButton: false,
    onFreed: () => {
      help.update();
      say("The set-aside records were downloaded to a file and removed from this browser.");
    },
  });
  section.querySelector(".progress-actions")?.after(help.element);
  help.update(state === "full" ? "full" : state === "read-only" ? "refused" : undefined);
  if (state === "unavailable") {
    say("This browser does not let the course save progress, so there is nothing to export.");
  } else if (notices.length > 0) say(notices.join(" "));

  section.querySelector("[data-progress-export]")?.addEventListener("click", () => {
    const count = downloadProgress(store);
    say(`Exported progress for ${count} exercises.`);
  });

  const input = section.querySelector<HTMLInputElement>("[data-progress-import]");
  input?.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      say(describeImport(importProgress(store, await file.text(), course)));
      markCompleted(root, store, course);
      help.update();
    } catch (error) {
      say(error instanceof ImportError ? error.message : `The file could not be read: ${String(error)}`);
      if (error instanceof ImportError && error.failure === "full") help.update("full");
    } finally {
      input.value = "";
    }
  });
}
