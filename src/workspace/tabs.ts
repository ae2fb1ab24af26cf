// File tabs (the ARIA tabs pattern): one tab stop for the list, arrow keys move between files and
// show them at once; the editor below is the tab panel.
import { h, uniqueId } from "./dom";

export interface TabFile {
  path: string;
  readonly: boolean;
}

export function fileTabs(
  files: TabFile[],
  panel: HTMLElement,
  onSelect: (path: string) => void,
): HTMLElement {
  const tabs = files.map((file, i) =>
    h(
      "button",
      {
        type: "button",
        role: "tab",
        id: uniqueId("file-tab"),
        class: "ws-tab",
        "aria-selected": i === 0 ? "true" : "false",
        "aria-controls": panel.id,
        tabindex: i === 0 ? 0 : -1,
        "data-path": file.path,
      },
      file.path,
      file.readonly && h("span", { class: "ws-tab-note" }, " (read-only)"),
    ),
  );
  const select = (index: number) => {
    const chosen = tabs[index];
    if (!chosen) return;
    tabs.forEach((tab) => {
      tab.setAttribute("aria-selected", String(tab === chosen));
      tab.tabIndex = tab === chosen ? 0 : -1;
    });
    panel.setAttribute("aria-labelledby", chosen.id);
    chosen.focus();
    onSelect(chosen.dataset.path ?? "");
  };
  const list = h("div", { role: "tablist", class: "ws-tabs", "aria-label": "Files" }, ...tabs);
  list.addEventListener("click", (event) => {
    const tab = (event.target as Element).closest<HTMLButtonElement>('[role="tab"]');
    if (tab) select(tabs.indexOf(tab));
  });
  list.addEventListener("keydown", (event) => {
    const current = tabs.findIndex((tab) => tab.getAttribute("aria-selected") === "true");
    const moves: Record<string, number> = {
      ArrowRight: (current + 1) % tabs.length,
      ArrowLeft: (current - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(next);
  });
  panel.setAttribute("role", "tabpanel");
  panel.setAttribute("aria-labelledby", tabs[0]?.id ?? "");
  return list;
}
