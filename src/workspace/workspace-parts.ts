// Small pieces of the workspace's UI: the editor's files, the action buttons and the "solution
// shown" notice.
import { h } from "./dom";
import type { Files, WorkspaceData } from "./types";

/** The editor's tabs in order: the learner's files (as saved, else the starter), then every other
 *  provided file, read-only. */
export function editorFilesOf({ files, starter }: Pick<WorkspaceData, "files" | "starter">, saved: Files) {
  const others = Object.keys(starter).filter((path) => !files.includes(path));
  return [
    ...files.map((path) => ({ path, text: saved[path] ?? starter[path] ?? "", readonly: false })),
    ...others.map((path) => ({ path, text: starter[path] ?? "", readonly: true })),
  ];
}

export interface Toolbar {
  element: HTMLElement;
  /** While a run is in progress, Run tests says so and ignores presses (it keeps focus). */
  setBusy(busy: boolean): void;
  setHintsLeft(left: number): void;
}

export interface ToolbarActions {
  run(): void;
  hint(): void;
  reset(): void;
  solution(): void;
}

const button = (label: string, onClick: () => void, extra = "") => {
  const element = h("button", { type: "button", class: `ws-button ${extra}`.trim() }, label);
  element.addEventListener("click", onClick);
  return element;
};

const onMac = () => /Mac|iPhone|iPad/.test(navigator.userAgent);

export function buildToolbar(actions: ToolbarActions): Toolbar {
  const run = button("Run tests", actions.run, "ws-primary");
  run.setAttribute("aria-keyshortcuts", "Control+Enter Meta+Enter");
  const hint = button("Hint", actions.hint);
  const keys = onMac() ? "⌘+Enter" : "Ctrl+Enter";
  const shortcut = h("span", { class: "ws-shortcut muted", "aria-hidden": "true" }, keys);
  const element = h(
    "div",
    { class: "ws-toolbar", role: "group", "aria-label": "Exercise actions" },
    run,
    shortcut,
    hint,
    button("Reset", actions.reset),
    button("Show solution", actions.solution),
  );
  return {
    element,
    setBusy(busy) {
      run.setAttribute("aria-disabled", String(busy));
      run.classList.toggle("ws-busy", busy);
    },
    setHintsLeft(left) {
      hint.setAttribute("aria-disabled", String(left <= 0));
      hint.title = left <= 0 ? "All hints are shown" : `${left} more ${left === 1 ? "hint" : "hints"}`;
    },
  };
}

export function solutionNotice(restore: () => void): HTMLElement {
  return h(
    "div",
    { class: "ws-notice ws-solution-notice" },
    h("p", {}, "The reference solution is in the editor. Your code from before is saved in this browser."),
    button("Restore my code", restore),
  );
}

/** A notice with one button that acts on it; the notice goes away once the action is taken. */
export function actionNotice(text: string, label: string, act: () => void, kind = ""): HTMLElement {
  const notice = h("div", { class: `ws-notice ${kind}`.trim(), role: "status" }, h("p", {}, text));
  notice.append(
    button(label, () => {
      notice.remove();
      act();
    }),
  );
  return notice;
}

/** The "Completed" badge: how the exercise was completed, or hidden while it is not. */
export function completionBadge(texts: Record<"own" | "solution", string>) {
  const text = h("span", {});
  const element = h(
    "p",
    { class: "ws-complete", hidden: true },
    h("span", { "aria-hidden": "true" }, "✓ "),
    text,
  );
  return {
    element,
    show(completedWith: "own" | "solution" | undefined) {
      element.hidden = completedWith === undefined;
      element.dataset.completion = completedWith ?? "";
      text.textContent = completedWith ? texts[completedWith] : "";
    },
  };
}
