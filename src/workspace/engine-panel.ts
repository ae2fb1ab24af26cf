// Wires the engine picker and the Terminal to the page's engine switch. The workspace places the two
// elements; everything else about engines stays in engine.ts.
import type { WebContainerEngine } from "../lib/engine/webcontainer/engine";
import type { EngineState, EngineSwitch } from "./engine";
import { enginePicker } from "./engine-picker";
import "./engine-panel.css";
import { terminalView } from "./terminal";

/** Why the Terminal has no WebContainer to show, or undefined when it has one. */
export function terminalUnavailable(state: EngineState): string | undefined {
  const { webcontainer } = state;
  switch (webcontainer.phase) {
    case "ready":
      return undefined;
    case "starting":
      return `It is ${webcontainer.step}…`;
    case "failed":
      return "It is not available on this page (see the notice above).";
    case "unsupported":
      return webcontainer.reason;
    case "idle":
      return state.choice === "worker"
        ? "Choose “Best available” or “WebContainer” above to start it."
        : "It starts when you begin editing.";
  }
}

export function enginePanel(engines: EngineSwitch): { picker: HTMLElement; terminal: HTMLElement } {
  let webContainer: WebContainerEngine | undefined;
  const picker = enginePicker({
    state: engines.state,
    onChoose: (choice) => engines.choose(choice),
    onRetry: () => engines.retry(),
  });
  const terminal = terminalView({
    // Ready, but not handed over yet: a moment later (see the subscription below).
    unavailable: () => (webContainer ? undefined : (terminalUnavailable(engines.state) ?? "It is starting…")),
    lastOutput: () => webContainer?.lastOutput ?? "",
    onOutput: (listener) => webContainer?.onOutput(listener) ?? (() => undefined),
    openShell: async (size) => {
      const engine = await engines.webContainer();
      if (!engine) throw new Error("there is no WebContainer on this page");
      return engine.openShell(size);
    },
  });
  engines.subscribe((state) => {
    picker.update(state);
    if (state.webcontainer.phase !== "ready" || webContainer) return terminal.refresh();
    void engines.webContainer().then((engine) => {
      webContainer = engine;
      terminal.refresh();
    });
  });
  return { picker: picker.element, terminal: terminal.element };
}
