// The workspace's page-level events: Ctrl/Cmd+Enter anywhere in it or on the page, the engine warmed
// on the first touch, and the pending save flushed when the page goes away or out of view.

export interface PageEventActions {
  run(): void;
  /** Boot the engine (and prepare the run) ahead of the first Run tests. */
  warm(): void;
  /** Save what is waiting to be saved, now. */
  flush(): void;
}

export function wireWorkspaceEvents(mount: HTMLElement, actions: PageEventActions): void {
  // From the buttons and results too (the editor handles its own first).
  mount.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
      event.preventDefault();
      actions.run();
    }
  });
  // The shortcut shown beside Run tests works from anywhere on the page too (the lesson text, the
  // results), except in another field that takes text.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.defaultPrevented) return;
    const target = event.target;
    if (target instanceof Node && mount.contains(target)) return; // handled above
    if (target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable]")) return;
    event.preventDefault();
    actions.run();
  });
  // The engine boots on the learner's first touch, so the first run does not wait for it.
  mount.addEventListener("focusin", () => actions.warm(), { once: true });
  window.addEventListener("pagehide", () => actions.flush());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") actions.flush();
  });
}
