// What a learner sees when this site's storage is full, and the ways out it offers: export all
// progress to a file (including a tab's code that could not be saved), and download, then remove,
// the records set aside because they could not be read. Shared by the workspace and the home page.
import { formatSize } from "./browser-storage";
import { h } from "./dom";
import type { ExerciseProgress, ProgressStore, StorageUsage } from "./progress-store";
import { exportProgress } from "./progress-transfer";

/** Offers `text` as a file download. */
export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads every record (with `pending` ones in place of the stored); returns how many. */
export function downloadProgress(store: ProgressStore, pending: ExerciseProgress[] = []): number {
  const file = exportProgress(store, new Date(), pending);
  download(`build-pocketflow-progress-${file.exportedAt.slice(0, 10)}.json`, JSON.stringify(file, null, 2));
  return file.exercises.length;
}

/** Downloads the set-aside records as they were, then removes them; returns how many. */
export function downloadAndRemoveSetAside(store: ProgressStore): number {
  const keys = store.setAsideKeys();
  if (keys.length === 0) return 0;
  const day = new Date().toISOString().slice(0, 10);
  download(`build-pocketflow-set-aside-${day}.json`, JSON.stringify(store.setAsideTexts(keys), null, 2));
  store.removeSetAside(keys);
  return keys.length;
}

/** Why the storage is full, and the ways to make room, from what takes the room. */
export function storageFullText(usage: StorageUsage, inTab: boolean): { lead: string; ways: string[] } {
  const lead =
    "This browser's storage for this site is full, so new changes are not saved. Everything saved " +
    `before is still here${inTab ? ", and what you type stays in this tab until you close it" : ""}. ` +
    "To make room, first export your progress (one file with all of it), then:";
  const ways = [
    usage.setAside > 0 &&
      `remove the records set aside because they could not be read (${formatSize(usage.setAside)});`,
    `reset exercises you have finished (your saved code takes ${formatSize(usage.records)}; ` +
      "completion and hints stay);",
    `or clear this site's data in your browser's settings${
      usage.other > 0 ? ` (other apps' data here takes ${formatSize(usage.other)})` : ""
    }, then import your file.`,
  ];
  return { lead, ways: ways.filter((way) => typeof way === "string") };
}

const REFUSED =
  "This browser refused to save your progress, so changes last only while this page is open. " +
  "Export your progress to keep them.";

const button = (label: string, onClick: () => void) => {
  const element = h("button", { type: "button", class: "ws-button" }, label);
  element.addEventListener("click", onClick);
  return element;
};

export interface StorageHelpOptions {
  /** Records held in memory that could not be saved: exported in place of the stored ones. */
  pending?: () => ExerciseProgress[];
  /** In a workspace: offer an Export button (the home page has its own) and speak of the tab's code. */
  exportButton: boolean;
  /** After set-aside records were removed: try saving again. */
  onFreed?: () => void;
}

/** The storage notice: what is wrong, and buttons for the ways out; `update` re-reads the storage. */
export class StorageHelp {
  readonly element = h("div", { class: "ws-notice ws-warning ws-storage-help", role: "status" });
  private readonly text = h("div", {});
  private readonly actions = h("div", { class: "ws-notice-actions" });
  private readonly status = h("p", { class: "ws-storage-status", "aria-live": "polite" });

  constructor(
    private readonly store: ProgressStore,
    private readonly options: StorageHelpOptions,
  ) {
    this.element.append(this.text, this.actions, this.status);
  }

  /**
   * Shows what is wrong with saving (a full storage, or a browser that refuses), or with no problem
   * just the set-aside records, if any; hidden when there is nothing to say. Returns whether shown.
   */
  update(problem?: "full" | "refused"): boolean {
    const setAside = this.store.setAsideKeys().length;
    const usage = this.store.usage();
    if (problem === "full") {
      const { lead, ways } = storageFullText(usage, this.options.exportButton);
      this.text.replaceChildren(h("p", {}, lead), h("ul", {}, ...ways.map((way) => h("li", {}, way))));
    } else {
      const text =
        problem === "refused"
          ? REFUSED
          : `${setAside} saved ${setAside === 1 ? "record" : "records"} could not be read and ` +
            `${setAside === 1 ? "is" : "are"} kept aside in this browser (${formatSize(usage.setAside)}).`;
      this.text.replaceChildren(h("p", {}, text));
    }
    const buttons: HTMLElement[] = [];
    if (this.options.exportButton) {
      buttons.push(
        button("Export progress", () => {
          const count = downloadProgress(this.store, this.options.pending?.() ?? []);
          this.say(`Exported progress for ${count} ${count === 1 ? "exercise" : "exercises"}.`);
        }),
      );
    }
    if (setAside > 0) {
      buttons.push(
        button(`Download and remove set-aside records (${setAside})`, () => {
          const removed = downloadAndRemoveSetAside(this.store);
          this.say(`Downloaded and removed ${removed} set-aside ${removed === 1 ? "record" : "records"}.`);
          this.options.onFreed?.();
        }),
      );
    }
    this.actions.replaceChildren(...buttons);
    this.element.hidden = problem === undefined && setAside === 0;
    return !this.element.hidden;
  }

  say(text: string): void {
    this.status.textContent = text;
  }
}
