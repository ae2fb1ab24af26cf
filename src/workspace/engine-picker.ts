// The engine picker: which engine runs the tests (best available, the offline engine, or the
// WebContainer), how the WebContainer is doing, which engine gave the last result, and — when the
// WebContainer could not start — a one-line notice with its likely cause. Given plain state and
// callbacks; it knows nothing of the engines themselves.
import type { EngineName } from "../lib/engine/report";
import { h, uniqueId } from "./dom";
import type { EngineChoice, EngineState } from "./engine";

export interface EnginePickerOptions {
  state: EngineState;
  onChoose(choice: EngineChoice): void;
  /** Reload the page to boot the WebContainer again. */
  onRetry(): void;
}

export interface EnginePicker {
  element: HTMLElement;
  update(state: EngineState): void;
}

const CHOICE_LABELS: Record<EngineChoice, string> = {
  auto: "Best available",
  worker: "Offline engine (in this tab)",
  webcontainer: "WebContainer (Node 20)",
};

export const ENGINE_NAMES: Record<EngineName, string> = {
  worker: "the offline engine",
  webcontainer: "the WebContainer (Node 20, vitest 4.1)",
  node: "Node vitest",
};

/** A sentence about the WebContainer, for the status line. */
export function webContainerStatus(state: EngineState): string {
  const { webcontainer } = state;
  switch (webcontainer.phase) {
    case "unsupported":
      return `No WebContainer here: ${webcontainer.reason}`;
    case "idle":
      return state.choice === "worker"
        ? "The WebContainer is not started while the offline engine is chosen."
        : "The WebContainer starts in the background when you begin.";
    case "starting":
      return `The WebContainer is ${webcontainer.step}…`;
    case "ready":
      return "The WebContainer is ready: runs use real Node and vitest.";
    case "failed":
      return "The WebContainer is not available on this page.";
  }
}

export function lastRunText(state: EngineState): string {
  if (!state.lastRun) return "";
  const from = `Last result from ${ENGINE_NAMES[state.lastRun.engine]}.`;
  return state.lastRun.note ? `${from} ${state.lastRun.note}` : from;
}

export function enginePicker({ state, onChoose, onRetry }: EnginePickerOptions): EnginePicker {
  const selectId = uniqueId("engine-choice");
  const select = h(
    "select",
    { id: selectId, class: "ws-engine-select" },
    ...(Object.keys(CHOICE_LABELS) as EngineChoice[]).map((choice) =>
      h("option", { value: choice }, CHOICE_LABELS[choice]),
    ),
  );
  select.addEventListener("change", () => onChoose(select.value as EngineChoice));
  const status = h("span", { class: "ws-engine-status muted" });
  // Not a live region: the results announce each run; this line is there to be read.
  const last = h("p", { class: "ws-engine-last muted" });
  const retry = h("button", { type: "button", class: "ws-button ws-engine-retry" }, "Reload and try again");
  retry.addEventListener("click", onRetry);
  const noticeText = h("span", {});
  const notice = h(
    "p",
    { class: "ws-notice ws-engine-notice", role: "status", hidden: true },
    noticeText,
    " ",
    retry,
  );
  const element = h(
    "div",
    { class: "ws-engine" },
    h("div", { class: "ws-engine-row" }, h("label", { for: selectId }, "Run tests in"), select, status),
    notice,
    last,
  );

  const update = (next: EngineState) => {
    select.value = next.choice;
    const webContainerOption = select.querySelector<HTMLOptionElement>('option[value="webcontainer"]');
    if (webContainerOption) webContainerOption.disabled = next.webcontainer.phase === "unsupported";
    const failed = next.webcontainer.phase === "failed" && next.choice !== "worker";
    // The notice says it all when the WebContainer failed.
    status.textContent = failed ? "" : webContainerStatus(next);
    notice.hidden = !failed;
    noticeText.textContent = next.webcontainer.phase === "failed" ? next.webcontainer.message : "";
    last.textContent = lastRunText(next);
  };
  update(state);
  return { element, update };
}
