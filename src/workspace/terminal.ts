// The Terminal: vitest's own output of the last WebContainer run, and a shell (jsh) in the sandbox
// project where a learner can run `npx vitest`, `node` and their own scripts. xterm.js loads only
// when the learner opens the Terminal. Given plain callbacks; it knows nothing of the engines.
import type { SandboxProcess, TerminalSize } from "../lib/engine/webcontainer/runtime";
import type { OutputEvent } from "../lib/engine/webcontainer/vitest-run";
import { h, uniqueId } from "./dom";

export type ShellProcess = Pick<SandboxProcess, "output" | "input" | "exit" | "resize">;

export interface TerminalOptions {
  /** Why there is no WebContainer to show, or undefined when there is one. */
  unavailable(): string | undefined;
  /** The last run's output so far. */
  lastOutput(): string;
  /** Later output, as it comes; returns a function that stops listening. */
  onOutput(listener: (event: OutputEvent) => void): () => void;
  openShell(size: TerminalSize): Promise<ShellProcess>;
}

export interface TerminalView {
  element: HTMLElement;
  /** Call when the WebContainer's state changes (it may have become available). */
  refresh(): void;
}

type XTerm = import("@xterm/xterm").Terminal;

const cssVar = (name: string, fallback: string) =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

/** xterm's stylesheet, linked when the Terminal first opens (not inlined into every lesson page). */
async function linkXtermStyles(): Promise<void> {
  const { default: href } = await import("@xterm/xterm/css/xterm.css?url");
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = h("link", { rel: "stylesheet", href });
  // An unstyled terminal still works: go on when the sheet fails too.
  const loaded = new Promise((done) => {
    link.addEventListener("load", done, { once: true });
    link.addEventListener("error", done, { once: true });
  });
  document.head.append(link);
  await loaded;
}

async function createXterm(host: HTMLElement, interactive: boolean): Promise<{ term: XTerm; fit(): void }> {
  const [{ Terminal }, { FitAddon }] = await Promise.all([
    import("@xterm/xterm"),
    import("@xterm/addon-fit"),
    linkXtermStyles(),
  ]);
  const term = new Terminal({
    disableStdin: !interactive,
    cursorBlink: interactive,
    convertEol: true,
    fontFamily: cssVar("--font-code", "monospace"),
    fontSize: 13,
    rows: 16,
    scrollback: 5000,
    screenReaderMode: true,
    theme: {
      background: cssVar("--surface", "#f6f8fa"),
      foreground: cssVar("--fg", "#1f2328"),
      cursor: cssVar("--accent", "#0b5cad"),
      selectionBackground: cssVar("--border", "#d0d7de"),
    },
  });
  // The keyboard way out, as in the editor: Esc, then Tab leaves the terminal (Tab alone is the
  // shell's completion).
  let escaped = false;
  term.attachCustomKeyEventHandler((event) => {
    if (event.type !== "keydown") return true;
    if (event.key === "Tab" && (escaped || !interactive)) return false;
    escaped = event.key === "Escape";
    return true;
  });
  const fitter = new FitAddon();
  term.loadAddon(fitter);
  term.open(host);
  const fit = () => {
    if (host.offsetWidth > 0) fitter.fit();
  };
  fit();
  new ResizeObserver(fit).observe(host);
  return { term, fit };
}

export function terminalView(options: TerminalOptions): TerminalView {
  const tabIds = { output: uniqueId("term-output"), shell: uniqueId("term-shell") };
  const tab = (id: string, panel: string, label: string, selected: boolean) =>
    h(
      "button",
      {
        type: "button",
        role: "tab",
        id,
        "aria-controls": panel,
        "aria-selected": String(selected),
        tabindex: selected ? 0 : -1,
        class: "ws-term-tab",
      },
      label,
    );
  const outputPanelId = uniqueId("term-output-panel");
  const shellPanelId = uniqueId("term-shell-panel");
  const outputTab = tab(tabIds.output, outputPanelId, "Last run", true);
  const shellTab = tab(tabIds.shell, shellPanelId, "Shell", false);
  const outputHost = h("div", { class: "ws-term-host" });
  const shellHost = h("div", { class: "ws-term-host" });
  const outputNote = h("p", { class: "ws-term-note muted" });
  const shellNote = h("p", { class: "ws-term-note muted" });
  const outputPanel = h(
    "div",
    { role: "tabpanel", id: outputPanelId, "aria-labelledby": tabIds.output },
    outputNote,
    outputHost,
  );
  const shellPanel = h(
    "div",
    { role: "tabpanel", id: shellPanelId, "aria-labelledby": tabIds.shell, hidden: true },
    shellNote,
    shellHost,
  );
  const details = h(
    "details",
    { class: "ws-terminal" },
    h("summary", {}, "Terminal"),
    h("div", { role: "tablist", "aria-label": "Terminal", class: "ws-term-tabs" }, outputTab, shellTab),
    outputPanel,
    shellPanel,
  );

  let output: Promise<{ term: XTerm; fit(): void }> | undefined;
  let shell: Promise<unknown> | undefined;

  const showOutput = () => {
    const why = options.unavailable();
    outputNote.textContent = why
      ? `vitest's own output appears here for runs in the WebContainer. ${why}`
      : "vitest's own output of the last run in the WebContainer.";
    if (why || output) return;
    output = createXterm(outputHost, false).then((view) => {
      view.term.write(options.lastOutput());
      options.onOutput((event) => {
        if (event.type === "run-start") {
          view.term.reset();
          view.term.write(`\x1b[2m$ ${event.command}\x1b[0m\r\n`);
        } else view.term.write(event.text);
      });
      return view;
    });
  };

  const showShell = () => {
    const why = options.unavailable();
    shellNote.textContent = why
      ? `The shell runs in the WebContainer. ${why}`
      : "A shell in the sandbox project: try npx vitest run, or node. Esc, then Tab, leaves it.";
    if (why || shell) return;
    shell = createXterm(shellHost, true).then(
      async ({ term }) => {
        const process = await options.openShell({ cols: term.cols, rows: term.rows });
        void process.output.pipeTo(new WritableStream({ write: (data) => term.write(data) }));
        const input = process.input.getWriter();
        term.onData((data) => void input.write(data));
        term.onResize((size) => process.resize(size));
        term.focus();
        void process.exit.then(() => {
          term.write("\r\n[the shell ended; close and open the Terminal for a new one]\r\n");
          shell = undefined;
        });
      },
      (error: unknown) => {
        shellNote.textContent = `The shell could not start: ${error instanceof Error ? error.message : String(error)}`;
        shell = undefined;
      },
    );
  };

  const select = (which: "output" | "shell") => {
    const onOutput = which === "output";
    outputTab.setAttribute("aria-selected", String(onOutput));
    shellTab.setAttribute("aria-selected", String(!onOutput));
    outputTab.tabIndex = onOutput ? 0 : -1;
    shellTab.tabIndex = onOutput ? -1 : 0;
    outputPanel.hidden = !onOutput;
    shellPanel.hidden = onOutput;
    if (onOutput) showOutput();
    else showShell();
  };
  outputTab.addEventListener("click", () => select("output"));
  shellTab.addEventListener("click", () => select("shell"));
  for (const button of [outputTab, shellTab]) {
    button.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      event.preventDefault();
      const next = button === outputTab ? shellTab : outputTab;
      next.focus();
      select(next === outputTab ? "output" : "shell");
    });
  }
  details.addEventListener("toggle", () => {
    if (details.open) select(outputPanel.hidden ? "shell" : "output");
  });

  return {
    element: details,
    refresh() {
      if (!details.open) return;
      if (outputPanel.hidden) showShell();
      else showOutput();
    },
  };
}
