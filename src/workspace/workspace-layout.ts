// Where the workspace's parts go (styled by workspace.css): notices and the badge on top, the file
// tabs and the editor, the toolbar, then the lower part: results first, the trace, which engine ran
// them with its terminal, the hints, the help, and how to solve it locally. In the wide pane the
// lower part scrolls on its own; in focus mode it sits beside the editor.
import { h } from "./dom";

export interface WorkspaceParts {
  badge: HTMLElement;
  notices: HTMLElement;
  tabs: HTMLElement;
  editor: HTMLElement;
  toolbar: HTMLElement;
  results: HTMLElement;
  trace?: HTMLElement | undefined;
  engines?: { picker: HTMLElement; terminal: HTMLElement } | undefined;
  hints: HTMLElement;
  help: HTMLElement;
  solveLocally?: HTMLElement | undefined;
  announcer: HTMLElement;
}

export function layoutWorkspace(parts: WorkspaceParts): HTMLElement {
  const lower = h("div", { class: "ws-lower" }, parts.results);
  if (parts.trace) lower.append(parts.trace);
  if (parts.engines) lower.append(parts.engines.picker, parts.engines.terminal);
  lower.append(parts.hints, parts.help);
  if (parts.solveLocally) lower.append(parts.solveLocally);
  lower.append(parts.announcer);
  return h(
    "div",
    { class: "ws" },
    h("div", { class: "ws-top" }, parts.badge, parts.notices),
    h("div", { class: "ws-files" }, parts.tabs, parts.editor),
    parts.toolbar,
    lower,
  );
}
