// The exercise workspace, mounted into an ExercisePanel by loader.ts on demand: editor tabs, the
// Run tests / Hint / Reset / Show solution buttons, the results and the hint ladder. Progress is saved
// per exercise as the learner types; the first passing run marks the lesson complete (by the
// learner's own code, or by the revealed solution). In part 1 the learner's file of the previous
// exercise carries forward into a fresh exercise (carry.ts).
import { CarryControls } from "./carry-controls";
import { afterPassingTests, BADGE_TEXT } from "./completion";
import { h, uniqueId } from "./dom";
import { CodeEditor } from "./editor";
import { engineSwitch, loadEngine, warmEngine, type PreparedEngine } from "./engine";
import { enginePanel } from "./engine-panel";
import { HintsView } from "./hints-view";
import type { StorageState } from "./browser-storage";
import { HELP, NOT_PERSISTENT } from "./messages";
import {
  browserStorage,
  describeSetAside,
  emptyProgress,
  ProgressStore,
  type ExerciseProgress,
} from "./progress-store";
import { resultsModel } from "./results";
import { ResultsView } from "./results-view";
import { startSync } from "./sync-notices";
import type { ExerciseSync } from "./sync-tabs";
import { fileTabs } from "./tabs";
import { linkFailuresToTrace, TraceView } from "./trace-view";
import { parseWorkspaceData, type CarryData, type Files, type WorkspaceData } from "./types";
import { completesExercise, TypeScriptSupport } from "./typescript";
import { completedWith } from "./progress-record";
import { CodeActions } from "./code-actions";
import { buildToolbar, completionBadge, editorFilesOf, type Toolbar } from "./workspace-parts";
import { layoutWorkspace } from "./workspace-layout";
import { wireWorkspaceEvents } from "./page-events";
import { drawOrRefuse, runCheckedSuite } from "./run-suite";

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
  const { storage, state } = options.storage
    ? { storage: options.storage, state: "ok" as const }
    : browserStorage();
  new Workspace(panel, mount, data, new ProgressStore(storage), state, options);
}

class Workspace {
  private record: ExerciseProgress | undefined;
  private readonly editor: CodeEditor;
  private readonly toolbar: Toolbar;
  private readonly actions: CodeActions;
  private readonly hints: HintsView;
  private readonly results: ResultsView;
  private readonly types: TypeScriptSupport;
  private readonly notices = h("div", { class: "ws-notices" });
  private readonly announcer = h("p", { class: "visually-hidden", "aria-live": "polite" });
  private readonly badge = completionBadge(BADGE_TEXT);
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private controls: CarryControls | undefined;
  private running = false;
  /** Saves, and keeps this tab in step with others of the same exercise (sync-tabs.ts). */
  private readonly sync: ExerciseSync;
  private readonly engine: () => Promise<PreparedEngine>;
  /** Parts 2 and 3 run the provided core, which the engine can trace. */
  private readonly trace: TraceView | undefined;

  constructor(
    private readonly panel: HTMLElement,
    mount: HTMLElement,
    private readonly data: WorkspaceData,
    private readonly store: ProgressStore,
    state: StorageState,
    options: MountOptions,
  ) {
    this.engine = options.engine ?? loadEngine;
    this.trace = data.readonly.includes("pocketflow.ts") ? new TraceView() : undefined;
    const loaded = store.load(data.slug);
    this.record = loaded.record;
    if (loaded.setAside) this.notice(describeSetAside(loaded.setAside), "ws-warning");
    if (state === "unavailable") {
      this.notice(NOT_PERSISTENT, "ws-warning");
    }
    // Before anything saves (the editor is read lazily): every write goes through the sync.
    this.sync = startSync(store, data, this.record, state, this.notices, {
      editorFiles: () => this.learnerFiles(),
      showFiles: (files) => this.replaceFiles(files),
      showRecord: (record) => this.showRecord(record),
      announce: (text) => this.announce(text),
    });

    const helpId = uniqueId("editor-help");
    const host = h("div", { class: "ws-editor", id: uniqueId("editor") });
    const carried = this.carryIn();
    const files = editorFilesOf(data, { ...carried, ...this.record?.files });
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
    this.types = new TypeScriptSupport(this.editor, data.files, panel);
    this.results.extras.append(this.types.element);
    this.actions = new CodeActions({
      panel,
      data,
      notices: this.notices,
      record: () => this.record,
      update: (change) => this.update(change),
      learnerFiles: () => this.learnerFiles(),
      replaceFiles: (files) => this.replaceFiles(files),
      saveNow: () => this.saveNow(),
      cancelSave: () => {
        clearTimeout(this.saveTimer);
        this.saveTimer = undefined;
      },
      ...(data.carry ? { carryControls: () => this.carryControls(data.carry as CarryData) } : {}),
      focusEditor: () => this.editor.focus(),
      announce: (text) => this.announce(text),
    });
    this.toolbar = buildToolbar({
      run: () => void this.run(),
      hint: () => this.revealHint(),
      reset: () => void this.actions.reset(),
      solution: () => void this.actions.showSolution(),
    });
    this.updateHintButton();
    if (this.record?.beforeSolution) this.actions.showSolutionNotice();
    this.showBadge();

    const engines = options.engine ? undefined : enginePanel(engineSwitch());
    mount.replaceChildren(
      layoutWorkspace({
        badge: this.badge.element,
        notices: this.notices,
        tabs,
        editor: host,
        toolbar: this.toolbar.element,
        results: this.results.element,
        trace: this.trace?.element,
        engines,
        hints: this.hints.element,
        help: h("p", { class: "ws-help muted", id: helpId }, HELP),
        solveLocally: panel.querySelector<HTMLElement>("[data-solve-locally]") ?? undefined,
        announcer: this.announcer,
      }),
    );
    wireWorkspaceEvents(mount, {
      run: () => void this.run(),
      // Given the files and suite, the engine also compiles them and plans the suite ahead of the run.
      warm: () => {
        const hint = { files: { ...data.starter, ...this.learnerFiles() }, tests: data.tests };
        void warmEngine(this.engine, hint).catch(() => undefined);
      },
      flush: () => this.saveNow(),
    });
    for (const part of panel.querySelectorAll<HTMLElement>("[data-workspace-static]")) part.hidden = true;
    panel.dataset.workspaceState = "ready";
    if (options.focusEditor) this.editor.focus();
    this.types.start();
  }

  /** Part 1: the carried file of a fresh exercise starts from the learner's previous one. */
  private carryIn(): Files {
    const carry = this.data.carry;
    if (!carry || this.record?.files?.[carry.file] !== undefined) return {};
    const text = this.carryControls(carry).start();
    return text === undefined ? {} : { [carry.file]: text };
  }

  private carryControls(carry: CarryData): CarryControls {
    this.controls ??= new CarryControls(carry, {
      store: this.store,
      notices: this.notices,
      starter: this.data.starter[carry.file] ?? "",
      save: (text) =>
        this.update((record) => ({ ...record, files: { ...record.files, [carry.file]: text } })),
      replace: (text) => {
        this.editor.replace(carry.file, text);
        this.results.outdated();
      },
      warn: (text) => this.notice(text, "ws-warning"),
      announce: (text) => this.announce(text),
    });
    return this.controls;
  }

  private learnerFiles(): Files {
    return Object.fromEntries(this.data.files.map((path) => [path, this.editor.text(path)]));
  }

  /** Another tab changed the record: show its hints, completion and solution copy here too. */
  private showRecord(record: ExerciseProgress | undefined): void {
    this.record = record;
    this.hints.show(record?.hintsRevealed ?? 0);
    this.updateHintButton();
    this.showBadge();
    if (record?.beforeSolution) this.actions.showSolutionNotice();
    else this.notices.querySelector(".ws-solution-notice")?.remove();
  }

  private update(change: (record: ExerciseProgress) => ExerciseProgress): void {
    this.record = this.sync.update(change);
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
  }

  private saveNow(): void {
    if (this.saveTimer === undefined) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.sync.saveCode(this.learnerFiles());
    this.record = this.sync.record;
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.toolbar.setBusy(true);
    try {
      this.saveNow();
      this.results.running();
      const typecheck = this.types.check();
      const files = this.learnerFiles();
      const report = await runCheckedSuite(this.engine, {
        files: { ...this.data.starter, ...files },
        tests: this.data.tests,
        timeoutMs: this.data.timeoutMs,
        trace: this.trace !== undefined,
      });
      // The tests' results show at once; the Type check line, and completion, once the check is in.
      drawOrRefuse(report, (shown) => this.results.show(resultsModel(shown, this.data.files)));
      this.trace?.show(report.tests);
      if (this.trace) linkFailuresToTrace(this.results.element, this.trace);
      const types = await typecheck;
      this.types.show(types);
      if (report.status === "pass") this.complete(completesExercise(true, types));
      this.results.settled();
    } finally {
      this.running = false;
      this.toolbar.setBusy(false);
    }
  }

  /** After a passing run: complete the exercise if its files type-check, and say what happened. */
  private complete(typeChecks: boolean): void {
    const current = this.record ?? emptyProgress(this.data.slug, this.data.lesson, new Date());
    const { next, say } = afterPassingTests(current, typeChecks, new Date());
    if (next) this.update(() => next);
    this.showBadge();
    if (say) this.results.announce(say);
  }

  private showBadge(): void {
    this.badge.show(completedWith(this.record));
  }

  private revealHint(): void {
    const revealed = this.record?.hintsRevealed ?? 0;
    if (revealed >= this.hints.total) return;
    this.update((record) => ({ ...record, hintsRevealed: revealed + 1 }));
    this.hints.show(revealed + 1);
    this.hints.showLatest();
    this.updateHintButton();
  }

  private updateHintButton(): void {
    this.toolbar.setHintsLeft(this.hints.total - (this.record?.hintsRevealed ?? 0));
  }

  private replaceFiles(files: Files): void {
    for (const path of this.data.files) this.editor.replace(path, files[path] ?? "");
    this.results.outdated();
  }

  private notice(text: string, kind: string): void {
    this.notices.append(h("p", { class: `ws-notice ${kind}`, role: "status" }, text));
  }

  private announce(text: string): void {
    this.announcer.textContent = text;
  }
}
