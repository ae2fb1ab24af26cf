// The divider between the lesson text and the exercise pane on wide screens: a focusable separator
// (the ARIA window-splitter pattern) that resizes the pane by pointer or by arrow keys, and
// remembers the split as a fraction of the layout, so it fits any later window size. The saved split
// is applied before first paint by a tiny inline script in the lesson page (see PANE_SCRIPT).
import { STORAGE_PREFIX } from "../workspace/storage-keys";

export const PANE_KEY = `${STORAGE_PREFIX}:layout:pane`;
/** Smallest widths, in px, that keep each side usable. */
const MIN_PANE = 384;
const MIN_TEXT = 320;
const STEP = 32;

/** The pane's share of the layout, clamped so that both sides keep their minimum width. */
export function clampShare(share: number, layoutWidth: number): number {
  const min = Math.min(MIN_PANE / layoutWidth, 0.5);
  const max = Math.max(1 - MIN_TEXT / layoutWidth, min);
  return Math.min(Math.max(share, min), max);
}

/** What a key does to the pane's share: ← widens the pane (the divider moves left), → narrows it. */
export function shareAfterKey(key: string, share: number, layoutWidth: number): number | undefined {
  const step = STEP / layoutWidth;
  const moves: Record<string, number> = {
    ArrowLeft: share + step,
    ArrowRight: share - step,
    Home: 1,
    End: 0,
  };
  const next = moves[key];
  return next === undefined ? undefined : clampShare(next, layoutWidth);
}

export function initSplitPane(layout: HTMLElement, divider: HTMLElement, storage?: Storage): void {
  // The pane's share is of the width beside the divider (the grid sizes it from that).
  const width = () => layout.getBoundingClientRect().width - divider.getBoundingClientRect().width;
  const currentShare = () => {
    const pane = layout.querySelector<HTMLElement>("[data-pane]");
    return pane ? pane.getBoundingClientRect().width / width() : 0.5;
  };
  const show = (share: number) => {
    // The separator's value is the lesson text's share, the pane it sits after; its range is what
    // the minimum widths allow at this window's width, so Home and End land on its ends.
    const layoutWidth = width();
    divider.setAttribute("aria-valuenow", String(Math.round((1 - share) * 100)));
    divider.setAttribute("aria-valuemin", String(Math.round((1 - clampShare(1, layoutWidth)) * 100)));
    divider.setAttribute("aria-valuemax", String(Math.round((1 - clampShare(0, layoutWidth)) * 100)));
  };
  const apply = (share: number, save: boolean) => {
    const clamped = clampShare(share, width());
    layout.style.setProperty("--pane-share", String(clamped));
    show(clamped);
    if (!save) return;
    try {
      storage?.setItem(PANE_KEY, clamped.toFixed(4));
    } catch {
      // Storage full or blocked: the split lasts for this page only.
    }
  };

  show(currentShare());
  divider.addEventListener("keydown", (event) => {
    const next = shareAfterKey(event.key, currentShare(), width());
    if (next === undefined) return;
    event.preventDefault();
    apply(next, true);
  });
  divider.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    divider.setPointerCapture(event.pointerId);
    layout.dataset.resizing = "";
    const move = (e: PointerEvent) => {
      apply((layout.getBoundingClientRect().right - e.clientX) / width(), false);
    };
    const end = () => {
      delete layout.dataset.resizing;
      divider.removeEventListener("pointermove", move);
      apply(currentShare(), true);
    };
    divider.addEventListener("pointermove", move);
    divider.addEventListener("pointerup", end, { once: true });
    divider.addEventListener("pointercancel", end, { once: true });
  });
  // Double-click puts the split back to the default.
  divider.addEventListener("dblclick", () => {
    layout.style.removeProperty("--pane-share");
    try {
      storage?.removeItem(PANE_KEY);
    } catch {
      // nothing saved, nothing to forget
    }
    show(currentShare());
  });
}
