// Reset, Show solution and Restore my code: the toolbar's actions that replace the learner's code,
// each confirmed first, each keeping what it replaces where the learner can get it back.
import type { CarryControls } from "./carry-controls";
import { askToConfirm } from "./confirm";
import { ANNOUNCE, CONFIRM_RESET, CONFIRM_RESET_CARRIED, CONFIRM_SOLUTION } from "./messages";
import { withoutCode, type ExerciseProgress } from "./progress-store";
import type { Files, WorkspaceData } from "./types";
import { solutionNotice } from "./workspace-parts";

export interface CodeActionsHost {
  panel: HTMLElement;
  data: WorkspaceData;
  notices: HTMLElement;
  record(): ExerciseProgress | undefined;
  update(change: (record: ExerciseProgress) => ExerciseProgress): void;
  learnerFiles(): Files;
  replaceFiles(files: Files): void;
  /** Saves what is typed now; `cancelSave` drops a pending save instead. */
  saveNow(): void;
  cancelSave(): void;
  carryControls?(): CarryControls;
  focusEditor(): void;
  announce(text: string): void;
}

export class CodeActions {
  constructor(private readonly host: CodeActionsHost) {}

  async reset(): Promise<void> {
    const { data, notices } = this.host;
    const carry = data.carry;
    const confirmed = await askToConfirm(
      this.host.panel,
      carry ? CONFIRM_RESET_CARRIED(carry.file, carry.from.slice(0, 2)) : CONFIRM_RESET,
    );
    if (!confirmed) return;
    this.host.cancelSave();
    this.host.replaceFiles(data.starter);
    // A carrying exercise keeps the reference on purpose, so the next visit does not carry old code in.
    const starter = carry && { [carry.file]: data.starter[carry.file] ?? "" };
    this.host.update((record) =>
      starter ? { ...withoutCode(record), files: starter } : withoutCode(record),
    );
    notices.querySelectorAll(".ws-solution-notice, .ws-carry-notice").forEach((notice) => notice.remove());
    this.host.carryControls?.().offer();
    this.host.announce(ANNOUNCE.reset);
  }

  async showSolution(): Promise<void> {
    const confirmed = await askToConfirm(this.host.panel, CONFIRM_SOLUTION);
    if (!confirmed) return;
    this.host.saveNow();
    const { data } = this.host;
    // A second Show solution must not overwrite the copy of the learner's own code.
    const before = this.host.record()?.beforeSolution ?? this.host.learnerFiles();
    const solution = Object.fromEntries(data.files.map((path) => [path, data.solution[path] ?? ""]));
    this.host.replaceFiles(solution);
    this.host.update((record) => ({ ...record, files: solution, beforeSolution: before }));
    this.showSolutionNotice();
    this.host.announce(ANNOUNCE.solution);
  }

  restoreOwnCode(): void {
    const before = this.host.record()?.beforeSolution;
    if (!before) return;
    this.host.replaceFiles(before);
    this.host.update(({ beforeSolution: _before, ...record }) => ({ ...record, files: before }));
    this.host.notices.querySelector(".ws-solution-notice")?.remove();
    this.host.announce(ANNOUNCE.restored);
    this.host.focusEditor();
  }

  showSolutionNotice(): void {
    if (this.host.notices.querySelector(".ws-solution-notice")) return;
    this.host.notices.append(solutionNotice(() => this.restoreOwnCode()));
  }
}
