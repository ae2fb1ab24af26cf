// TypeScript in the workspace: what workspace.ts uses. `start()` loads the language service once the
// editor is up (never with the page); `check()` gives a run its Type check, and `show()` puts the
// Type check line in the results. An exercise is complete only when its tests pass and its files
// type-check; when the checker cannot load, the tests alone decide, and the line says so.
import { h } from "../dom";
import type { CodeEditor } from "../editor";
import type { TypeScriptClient } from "./client";
import { typeCheckLine, type TypeCheckIssue, type TypeCheckResult } from "./typecheck-view";
import { within } from "../../lib/within";

export type { TypeCheckResult } from "./typecheck-view";

/** How long a run waits for its type check before the tests alone decide. */
const CHECK_TIMEOUT_MS = 10_000;

export { TYPE_ERRORS_BLOCK_COMPLETION } from "../messages";

/** A run completes the exercise when every test passes and the files type-check. */
export const completesExercise = (testsPass: boolean, types: TypeCheckResult) =>
  testsPass && types.status !== "errors";

export class TypeScriptSupport {
  /** The Type check line's place in the results; announced politely after each run. */
  readonly element: HTMLElement;
  private readonly line = h("div", { class: "ws-typecheck-slot", "aria-live": "polite" });
  /** What the keyboard commands (next error, type at cursor) say to screen readers. */
  private readonly announcer = h("p", { class: "visually-hidden", "aria-live": "polite" });
  private client: Promise<TypeScriptClient> | undefined;

  constructor(
    private readonly editor: CodeEditor,
    /** The files the learner edits: the ones a run's Type check reports on. */
    private readonly learnerFiles: string[],
    private readonly panel: HTMLElement,
  ) {
    this.element = h("div", {}, this.line, this.announcer);
  }

  /** Loads the language service into the editor; call it once the editor has opened. */
  start(): void {
    void this.load().catch(() => undefined); // check() reports a failure to load
  }

  private load(): Promise<TypeScriptClient> {
    this.client ??= import("./attach").then(({ attachLanguageService }) => {
      const client = attachLanguageService(this.editor, this.learnerFiles, {
        reveal: (path, from, to) => {
          this.selectTab(path);
          this.editor.select(path, from, to);
        },
        announce: (text) => (this.announcer.textContent = text),
      });
      // data-typescript on the panel: "ready" once the service answers (tests and benchmarks wait on it)
      client.start().then(
        () => (this.panel.dataset.typescript = "ready"),
        () => (this.panel.dataset.typescript = "failed"),
      );
      return client;
    });
    this.client.catch(() => (this.client = undefined)); // a later run tries again
    return this.client;
  }

  /** The learner's files, checked as they are now (the previous run's line goes meanwhile). */
  async check(): Promise<TypeCheckResult> {
    this.line.replaceChildren();
    try {
      const ask = async () => {
        const client = await this.load();
        return client.request("diagnostics", { paths: this.learnerFiles });
      };
      const found = await within(ask(), CHECK_TIMEOUT_MS, "the type checker is still loading");
      const issues: TypeCheckIssue[] = found
        .filter((issue) => issue.severity === "error")
        .map(({ file, line, column, message, code }) => ({ file, line, column, message, code }));
      return issues.length > 0 ? { status: "errors", issues } : { status: "ok" };
    } catch (error) {
      return { status: "unavailable", reason: error instanceof Error ? error.message : String(error) };
    }
  }

  show(result: TypeCheckResult): void {
    this.line.replaceChildren(
      typeCheckLine(result, {
        canGoTo: (file) => this.editor.paths().includes(file),
        goTo: ({ file, line, column }) => {
          this.selectTab(file);
          this.editor.goTo(file, line, column);
        },
      }),
    );
  }

  /** Keeps the file tabs in step when a file is opened from here (go to definition, Go to line). */
  private selectTab(path: string): void {
    const tab = [...this.panel.querySelectorAll<HTMLElement>('[role="tab"]')].find(
      (candidate) => candidate.dataset.path === path,
    );
    if (tab && tab.getAttribute("aria-selected") !== "true") tab.click();
  }
}
