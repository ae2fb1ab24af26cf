// The exercise workspace, mounted into an ExercisePanel by loader.ts on demand: editor tabs, the
// Run tests / Hint / Reset / Show solution buttons, the hint ladder and the results. Progress is saved
// per exercise as the learner types; the first passing run marks the lesson complete.
import type { TestReport } from "../lib/engine/report";
import { refusedReport, trustedReport } from "../lib/engine/validate";
import { askToConfirm } from "./confirm";
import { h, uniqueId } from "./dom";
import { CodeEditor } from "./editor";
import { loadEngine, warmEngine, type PreparedEngine } from "./engine";
import { HintsView } from "./hints-view";
import {
  ANNOUNCE,
  CONFIRM_RESET,
  CONFIRM_SOLUTION,
  HELP,
  LESSON_COMPLETE,
  NOT_PERSISTENT,
  SAVE_REFUSED,
} from "./messages";
import {
  browserStorage,
  describeSetAside,
  emptyProgress,
  ProgressStore,
  type ExerciseProgress,
} from "./progress-store";
import { resultsModel } from "./results";
import { ResultsView } from "./results-view";
import { fileTabs } from "./tabs";
import { parseWorkspaceData, type Files, type WorkspaceData } from "./types";
import { buildToolbar, solutionNotice, type Toolbar } from "./workspace-parts";

export interface MountOptions {
  /** Move focus into the editor once it is up (the learner asked to start editing). */
  focusEditor: boolean;
  /** Injected in tests; the page uses localStorage and the worker engine. */
  storage?: Storage;
  engine?: () => Promise<PreparedEngine>;
}

const SAVE_DELAY_MS = 400;

export function mountWorkspace(panel: HTMLElement, options: MountOptions): void {
  const script = panel.querySelector("script[data-workspace-data]");
  const mount = panel.querySelector<HTMLElement>("[data-workspace-mount]");
  if (!script || !mount) throw new Error("This exercise panel has no workspace data.");
  const data = parseWorkspaceData(script.textContent ?? "");
  const { storage, persistent } = options.storage
    ? { storage: options.storage, persistent: true }
    : browserStorage();
  new Workspace(panel, mount, data, new ProgressStore(storage), persistent, options);
}

class Workspace {
  private record: ExerciseProgress | undefined;
  private readonly editor: CodeEditor;
  private readonly toolbar: Toolbar;
  private readonly hints: HintsView;
  private readonly results: ResultsView;
  private readonly notices = h("div", { class: "ws-notices" });
  private readonly announcer = h("p", { class: "visually-hidden", "aria-live": "polite" });
  private readonly badge = h(
    "p",
    { class: "ws-complete", hidden: true },
    h("span", { "aria-hidden": "true" }, "✓ "),
    "Completed: this lesson is done.",
  );
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private warnedUnsaved = false;
  private readonly engine: () => Promise<PreparedEngine>;

  constructor(
    private readonly panel: HTMLElement,
    mount: HTMLElement,
    private readonly data: WorkspaceData,
    private readonly store: ProgressStore,
    persistent: boolean,
    options: MountOptions,
  ) {
    this.engine = options.engine ?? loadEngine;
    const loaded = store.load(data.slug);
    this.record = loaded.record;
    if (loaded.setAside) this.notice(describeSetAside(loaded.setAside), "ws-warning");
    if (!persistent) {
      this.notice(NOT_PERSISTENT, "ws-warning");
    }

    const helpId = uniqueId("editor-help");
    const host = h("div", { class: "ws-editor", id: uniqueId("editor") });
    const files = this.editorFiles();
    this.editor = new CodeEditor(host, files, {
      describedBy: helpId,
      onChange: (_path, byLearner) => byLearner && this.scheduleSave(),
      onRun: () => void this.run(),
    });
    const tabs =
      files.length > 1
        ? fileTabs(files, host, (path) => this.editor.show(path))
        : h("p", { class: "ws-filename" }, h("code", {}, files[0]?.path ?? ""));

    this.hints = new HintsView(data.hints);
    this.hints.show(this.record?.hintsRevealed ?? 0);
    const inEditor = (file: string) => files.some((candidate) => candidate.path === file);
    this.results = new ResultsView(({ file, line, column }) => {
      // Through the file's tab, so the tabs show the file the editor now shows.
      tabs.querySelector<HTMLElement>(`[role="tab"][data-path="${CSS.escape(file)}"]`)?.click();
      this.editor.goTo(file, line, column ?? 1);
    }, inEditor);
    this.toolbar = buildToolbar({
      run: () => void this.run(),
      hint: () => this.revealHint(),
      reset: () => void this.reset(),
      solution: () => void this.showSolution(),
    });
    this.updateHintButton();
    if (this.record?.beforeSolution) this.showSolutionNotice();
    this.badge.hidden = !this.record?.completedAt;

    const help = h("p", { class: "ws-help muted", id: helpId }, HELP);
    mount.replaceChildren(
      h(
        "div",
        { class: "ws" },
        this.badge,
        this.notices,
        h("div", { class: "ws-files" }, tabs, host),
        help,
        this.toolbar.element,
        this.hints.element,
        this.results.element,
        this.announcer,
      ),
    );
    this.wireEvents(mount);
    for (const part of panel.querySelectorAll<HTMLElement>("[data-workspace-static]")) part.hidden = true;
    panel.dataset.workspaceState = "ready";
    if (options.focusEditor) this.editor.focus();
  }

  private wireEvents(mount: HTMLElement): void {
    // Ctrl/Cmd+Enter from the buttons and results too (the editor handles its own first).
    mount.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
        event.preventDefault();
        void this.run();
      }
    });
    // The engine boots on the learner's first touch, so the first run does not wait for it.
    // Given the files and suite, it also compiles them and plans the suite ahead of the run.
    const hint = () => ({ files: { ...this.data.starter, ...this.learnerFiles() }, tests: this.data.tests });
    mount.addEventListener("focusin", () => void warmEngine(this.engine, hint()).catch(() => undefined), {
      once: true,
    });
    const flush = () => this.saveNow();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flush());
  }

  /** Tabs in order: the learner's files, then every other provided file, read-only. */
  private editorFiles() {
    const { files, starter } = this.data;
    const saved = this.record?.files ?? {};
    const others = Object.keys(starter).filter((path) => !files.includes(path));
    return [
      ...files.map((path) => ({ path, text: saved[path] ?? starter[path] ?? "", readonly: false })),
      ...others.map((path) => ({ path, text: starter[path] ?? "", readonly: true })),
    ];
  }

  private learnerFiles(): Files {
    return Object.fromEntries(this.data.files.map((path) => [path, this.editor.text(path)]));
  }

  private update(change: (record: ExerciseProgress) => ExerciseProgress): void {
    const { slug, lesson } = this.data;
    this.record = change(this.store.load(slug).record ?? emptyProgress(slug, lesson, new Date()));
    if (!this.store.save(this.record) && !this.warnedUnsaved) {
      this.warnedUnsaved = true;
      this.notice(SAVE_REFUSED, "ws-warning");
    }
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
  }

  private saveNow(): void {
    if (this.saveTimer === undefined) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const files = this.learnerFiles();
    this.update((record) => ({ ...record, files }));
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.toolbar.setBusy(true);
    try {
      this.saveNow();
      this.results.running();
      const report = await this.runSuite({ ...this.data.starter, ...this.learnerFiles() });
      let extra: string | undefined;
      if (report.status === "pass" && !this.record?.completedAt) {
        this.update((record) => ({ ...record, completedAt: new Date().toISOString() }));
        this.badge.hidden = false;
        extra = LESSON_COMPLETE;
      }
      this.showResults(report, extra);
    } finally {
      this.running = false;
      this.toolbar.setBusy(false);
    }
  }

  /** Draws the results; if that fails, says so rather than leave "Running the tests…" up. */
  private showResults(report: TestReport, extra?: string): void {
    try {
      this.results.show(resultsModel(report, this.data.files), extra);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.results.show(resultsModel(refusedReport(report.engine, why), this.data.files));
    }
  }

  /** The engine's report, checked (the engine runs learner code and is not trusted); an engine
   *  that cannot load or start becomes an "error" report. */
  private async runSuite(files: Files): Promise<TestReport> {
    try {
      const engine = await this.engine();
      const report = await engine.run(files, this.data.tests, { timeoutMs: this.data.timeoutMs });
      return trustedReport(report, engine.name);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const output = `The tests could not start: ${message}`;
      return { engine: "worker", status: "error", durationMs: 0, tests: [], output };
    }
  }

  private revealHint(): void {
    const revealed = this.record?.hintsRevealed ?? 0;
    if (revealed >= this.hints.total) return;
    this.update((record) => ({ ...record, hintsRevealed: revealed + 1 }));
    this.hints.show(revealed + 1);
    this.updateHintButton();
  }

  private updateHintButton(): void {
    this.toolbar.setHintsLeft(this.hints.total - (this.record?.hintsRevealed ?? 0));
  }

  private async reset(): Promise<void> {
    const confirmed = await askToConfirm(this.panel, CONFIRM_RESET);
    if (!confirmed) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.replaceFiles(this.data.starter);
    this.record = this.store.clearCode(this.data.slug, this.data.lesson);
    this.notices.querySelector(".ws-solution-notice")?.remove();
    this.announce(ANNOUNCE.reset);
  }

  private async showSolution(): Promise<void> {
    const confirmed = await askToConfirm(this.panel, CONFIRM_SOLUTION);
    if (!confirmed) return;
    this.saveNow();
    // A second Show solution must not overwrite the copy of the learner's own code.
    const before = this.record?.beforeSolution ?? this.learnerFiles();
    const solution = Object.fromEntries(
      this.data.files.map((path) => [path, this.data.solution[path] ?? ""]),
    );
    this.replaceFiles(solution);
    this.update((record) => ({ ...record, files: solution, beforeSolution: before }));
    this.showSolutionNotice();
    this.announce(ANNOUNCE.solution);
  }

  private restoreOwnCode(): void {
    const before = this.record?.beforeSolution;
    if (!before) return;
    this.replaceFiles(before);
    this.update(({ beforeSolution: _before, ...record }) => ({ ...record, files: before }));
    this.notices.querySelector(".ws-solution-notice")?.remove();
    this.announce(ANNOUNCE.restored);
    this.editor.focus();
  }

  private showSolutionNotice(): void {
    if (this.notices.querySelector(".ws-solution-notice")) return;
    this.notices.append(solutionNotice(() => this.restoreOwnCode()));
  }

  private replaceFiles(files: Files): void {
    for (const path of this.data.files) this.editor.replace(path, files[path] ?? "");
  }

  private notice(text: string, kind: string): void {
    this.notices.append(h("p", { class: `ws-notice ${kind}`, role: "status" }, text));
  }

  private announce(text: string): void {
    this.announcer.textContent = text;
  }
}
