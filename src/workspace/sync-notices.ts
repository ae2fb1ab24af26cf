// ExerciseSync (sync-tabs.ts) in the page: its notices ("which code do you keep?", "updated from
// another tab", the storage help when saving fails) and the page events it listens to.
import type { StorageState } from "./browser-storage";
import { h } from "./dom";
import type { ExerciseProgress, ProgressStore } from "./progress-store";
import { StorageHelp } from "./storage-help";
import { ExerciseSync, watchPage, type SyncedExercise, type SyncView } from "./sync-tabs";

export const SYNC_TEXT = {
  updated: "Updated with the code saved in another tab of this exercise.",
  conflict:
    "Another tab saved different code for this exercise while you were typing here. Which code do " +
    "you want to keep? Until you choose, nothing typed here is saved.",
  useOther: "Use the other tab's code",
  keepMine: "Keep this tab's code",
};

type Notices = Pick<SyncView, "askWhichCode" | "showUpdated" | "showStorageProblem">;

const button = (label: string, onClick: () => void) => {
  const element = h("button", { type: "button", class: "ws-button" }, label);
  element.addEventListener("click", onClick);
  return element;
};

/**
 * The notices, placed in `container`. `options.pending` gives what an export must include beyond
 * the store (this tab's unsaved code); `options.onFreed` runs after the learner removed records.
 */
export function syncNotices(
  container: HTMLElement,
  store: ProgressStore,
  options: { pending: () => ExerciseProgress[]; onFreed: () => void },
): Notices {
  let conflict: HTMLElement | undefined;
  let updated: HTMLElement | undefined;
  const help = new StorageHelp(store, {
    exportButton: true,
    pending: options.pending,
    onFreed: options.onFreed,
  });
  help.element.hidden = true;
  container.append(help.element);
  return {
    askWhichCode(choice) {
      conflict?.remove();
      conflict = undefined;
      if (!choice) return;
      conflict = h(
        "div",
        { class: "ws-notice ws-warning ws-conflict", role: "alert" },
        h("p", {}, SYNC_TEXT.conflict),
        h(
          "div",
          { class: "ws-notice-actions" },
          button(SYNC_TEXT.useOther, choice.useOther),
          button(SYNC_TEXT.keepMine, choice.keepMine),
        ),
      );
      container.prepend(conflict);
    },
    // The workspace may clear its notices (Reset does): a notice shown again is put back.
    showUpdated(shown) {
      if (!shown) {
        updated?.remove();
        updated = undefined;
      } else if (!updated?.isConnected) {
        updated = h("p", { class: "ws-notice", role: "status" }, SYNC_TEXT.updated);
        container.append(updated);
      }
    },
    showStorageProblem(problem) {
      if (!help.element.isConnected) container.append(help.element);
      help.update(problem);
    },
  };
}

/**
 * Starts the sync of one exercise's workspace: notices go into `container`, `editor` is the rest of
 * the view (the workspace's editor, hints and announcer). A storage already full (or read-only) at
 * load says so at once, before the learner types something that cannot be saved.
 */
export function startSync(
  store: ProgressStore,
  exercise: SyncedExercise,
  record: ExerciseProgress | undefined,
  state: StorageState,
  container: HTMLElement,
  editor: Pick<SyncView, "editorFiles" | "showFiles" | "showRecord" | "announce">,
): ExerciseSync {
  const notices = syncNotices(container, store, {
    pending: () => sync.pending(),
    onFreed: () => sync.retry(),
  });
  const sync: ExerciseSync = new ExerciseSync(store, exercise, { ...editor, ...notices }, record);
  if (state === "full" || state === "read-only") {
    notices.showStorageProblem(state === "full" ? "full" : "refused");
  }
  watchPage(sync);
  return sync;
}
