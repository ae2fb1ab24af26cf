// The only workspace code a lesson page loads up front (about 1.5 KB gzipped): it waits for a reason
// to open the workspace, then imports the editor. Until then the panel is the static, Shiki-highlighted
// starter, and without JavaScript it stays exactly that.
//
// When the workspace loads:
// - on the learner's first touch of the panel: a pointer down or a click in it (a key that presses a
//   button, Start editing say, is a click too). Focus alone does not open it: a keyboard user tabbing
//   past must not have the starter swapped out from under them, nor land in an editor where Tab
//   indents. Reading the lesson costs no editor download.
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

/** Focus on the opened workspace without entering the editor: its selected file tab, else itself. */
function focusWorkspace(panel: HTMLElement): void {
  const mount = panel.querySelector<HTMLElement>("[data-workspace-mount]");
  const tab = mount?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
  if (tab) return tab.focus();
  if (!mount) return;
  mount.tabIndex = -1;
  mount.focus();
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
        // Focus follows the learner: into the editor if they asked to edit; if it sat on what is now
        // hidden (the returning learner's workspace opened as they tabbed through the static panel),
        // onto the workspace itself, from where Tab goes on as before.
        const active = document.activeElement;
        const onStatic = active instanceof Element && active.closest("[data-workspace-static]") !== null;
        mountWorkspace(panel, { focusEditor: wantsFocus });
        if (onStatic && !wantsFocus) focusWorkspace(panel);
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
