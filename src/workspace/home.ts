// The home page's share of progress: ticks on the course map for completed lessons, and export and
// import of all progress as a JSON file. Small, and loaded with the page (no editor, no engine).
import { browserStorage, describeSetAside, ProgressStore } from "./progress-store";
import { describeImport, exportProgress, ImportError, importProgress } from "./progress-transfer";

function markCompleted(root: ParentNode, store: ProgressStore): string[] {
  const { records, setAside } = store.loadAll();
  const done = new Set(records.filter((record) => record.completedAt).map((record) => record.lesson));
  const lessons = [...root.querySelectorAll<HTMLElement>("[data-lesson]")];
  for (const lesson of lessons) {
    const mark = lesson.querySelector<HTMLElement>("[data-lesson-done]");
    if (mark) mark.hidden = !done.has(lesson.dataset.lesson ?? "");
  }
  const summary = root.querySelector<HTMLElement>("[data-progress-summary]");
  const count = lessons.filter((lesson) => done.has(lesson.dataset.lesson ?? "")).length;
  if (summary) {
    summary.textContent = `In this browser you have completed ${count} of the ${lessons.length} lessons with an exercise.`;
  }
  return setAside.map(describeSetAside);
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function initHome(root: Document = document): void {
  const section = root.querySelector<HTMLElement>("[data-progress]");
  const status = root.querySelector<HTMLElement>("[data-progress-status]");
  const { storage, persistent } = browserStorage();
  const store = new ProgressStore(storage);
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const notices = markCompleted(root, store);
  if (!section) return;
  section.hidden = false;
  if (!persistent) say("This browser does not let the course save progress, so there is nothing to export.");
  else if (notices.length > 0) say(notices.join(" "));

  section.querySelector("[data-progress-export]")?.addEventListener("click", () => {
    const file = exportProgress(store);
    const day = file.exportedAt.slice(0, 10);
    download(`build-pocketflow-progress-${day}.json`, JSON.stringify(file, null, 2));
    say(`Exported progress for ${file.exercises.length} exercises.`);
  });

  const input = section.querySelector<HTMLInputElement>("[data-progress-import]");
  input?.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      say(describeImport(importProgress(store, await file.text())));
      markCompleted(root, store);
    } catch (error) {
      say(error instanceof ImportError ? error.message : `The file could not be read: ${String(error)}`);
    } finally {
      input.value = "";
    }
  });
}
