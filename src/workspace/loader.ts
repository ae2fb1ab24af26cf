// The only workspace code a lesson page loads up front (about 1.5 KB gzipped): it waits for a reason
// to open the workspace, then imports the editor. Until then the panel is the static, Shiki-highlighted
// starter, and without JavaScript it stays exactly that.
//
// When the workspace loads:
// - on the learner's first touch of the panel: pointer down or focus anywhere in it, or the Start
//   editing button. Reading the lesson costs no editor download.
// - for a returning learner (this exercise has saved progress), as soon as the panel comes within a
//   screen of the viewport, so their own code replaces the starter before they see the stale one.
// The test engine waits longer still: until the learner first focuses something in the workspace
// (see workspace.ts). Nothing runs the learner's code until they press Run tests.

/** The panel names its record's key (data-progress-key), so this file needs no store code. */
function hasSavedProgress(key: string | undefined): boolean {
  try {
    return key !== undefined && localStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}

function prepare(panel: HTMLElement): void {
  const start = panel.querySelector<HTMLElement>("[data-workspace-start]");
  const status = panel.querySelector<HTMLElement>("[data-workspace-status]");
  if (start) start.hidden = false;

  let opened = false;
  let wantsFocus = false;
  let observer: IntersectionObserver | undefined;

  function open(): void {
    if (opened) return;
    opened = true;
    observer?.disconnect();
    panel.dataset.workspaceState = "loading";
    if (status) status.textContent = "Loading the editor…";
    import("./workspace")
      .then(({ mountWorkspace }) => {
        // Focus follows the learner: into the editor if they asked, or if it sat on what is now hidden.
        const active = document.activeElement;
        const onStatic = active instanceof Element && active.closest("[data-workspace-static]") !== null;
        mountWorkspace(panel, { focusEditor: wantsFocus || onStatic });
      })
      .catch((error: unknown) => {
        console.error(error);
        panel.dataset.workspaceState = "failed";
        if (status) {
          status.textContent =
            "The editor could not load. The starter code is below, and you can solve the exercise locally.";
        }
      });
  }

  // Pressing the button or the static code means "let me type": take the learner into the editor.
  const asksToEdit = (target: EventTarget | null) =>
    target instanceof Element &&
    target.closest("[data-workspace-start] button, [data-workspace-static] pre") !== null;
  panel.addEventListener("pointerdown", (event) => {
    wantsFocus ||= asksToEdit(event.target);
    open();
  });
  panel.addEventListener("click", (event) => {
    wantsFocus ||= asksToEdit(event.target);
    open();
  });
  // Tabbing onto the pane's own bar (Focus mode) is passing by, not touching the exercise: the
  // static starter must not be swapped out from under a keyboard user on their way in.
  panel.addEventListener("focusin", (event) => {
    if (!(event.target instanceof Element && event.target.closest("[data-workspace-bar]"))) open();
  });

  if (hasSavedProgress(panel.dataset.progressKey) && "IntersectionObserver" in window) {
    observer = new IntersectionObserver(
      (entries) => entries.some((entry) => entry.isIntersecting) && open(),
      {
        rootMargin: "100% 0px",
      },
    );
    observer.observe(panel);
  }
}

export function initWorkspaces(root: ParentNode = document): void {
  for (const panel of root.querySelectorAll<HTMLElement>("[data-workspace]")) prepare(panel);
}
