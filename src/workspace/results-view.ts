// The results area, failures first: a polite live region with the summary and what to do next (so
// screen readers announce each run), then the failing tests with their message and diff, then the
// passing ones folded into a count that opens; a filter shows every test in the suite's order
// instead. Then the output. While a run is in progress the previous rows stay, marked as the last
// run's. Rows are appended one by one (never spread into a call), so a huge report cannot overflow
// the stack.
import type { DiffLine } from "./diff";
import { h, uniqueId } from "./dom";
import type { ErrorLocation, ResultsModel, TestRow } from "./results";
import { plural } from "../lib/words";

const DIFF_MARK: Record<DiffLine["kind"], string> = { same: "  ", expected: "- ", actual: "+ " };

type Filter = "failures" | "all";

function appendAll(parent: Element, children: Iterable<Node>): void {
  const fragment = document.createDocumentFragment();
  for (const child of children) fragment.append(child);
  parent.append(fragment);
}

function diffBlock(lines: DiffLine[]): HTMLElement {
  const pre = h("pre", {});
  appendAll(
    pre,
    lines.map((line) =>
      h("span", { class: `ws-diff-${line.kind}` }, DIFF_MARK[line.kind] + line.text + "\n"),
    ),
  );
  return h(
    "div",
    { class: "ws-diff" },
    h(
      "p",
      { class: "ws-diff-legend" },
      h("span", { class: "ws-diff-expected" }, "- Expected"),
      " ",
      h("span", { class: "ws-diff-actual" }, "+ Received"),
    ),
    pre,
  );
}

function testRow(row: TestRow): HTMLElement {
  const passed = row.status === "pass";
  return h(
    "li",
    { class: `ws-test ws-${row.status}` },
    h(
      "span",
      { class: "ws-test-status" },
      h("span", { "aria-hidden": "true" }, passed ? "✓ " : "✗ "),
      passed ? "Passed" : "Failed",
    ),
    " ",
    h("span", { class: "ws-test-name" }, row.name),
    !passed &&
      (row.message || row.diff) &&
      h(
        "div",
        { class: "ws-test-detail" },
        row.message && h("pre", { class: "ws-message" }, row.message),
        row.diff && diffBlock(row.diff),
      ),
  );
}

function testList(label: string, rows: Iterable<TestRow>): HTMLElement {
  const list = h("ol", { class: "ws-tests", "aria-label": label });
  appendAll(
    list,
    (function* () {
      for (const row of rows) yield testRow(row);
    })(),
  );
  return list;
}

/** A test that did not run: its file did not load, or the run stopped first. */
const notRunRow = (name: string) =>
  h(
    "li",
    { class: "ws-test ws-notrun" },
    h("span", { class: "ws-test-status" }, h("span", { "aria-hidden": "true" }, "– "), "Did not run"),
    " ",
    h("span", { class: "ws-test-name" }, name),
  );

const lineCount = (text: string) => {
  const lines = text.split("\n").length;
  return plural(lines, "line", "lines");
};

export class ResultsView {
  readonly element: HTMLElement;
  /** Lines other modules add under the summary (the Type check line). */
  readonly extras = h("div", { class: "ws-results-extras" });
  private readonly live: HTMLElement;
  private readonly report: HTMLElement;
  private filter: Filter = "failures";
  private model: ResultsModel | undefined;

  constructor(
    private readonly onGoTo: (location: ErrorLocation) => void,
    private readonly canGoTo: (file: string) => boolean,
  ) {
    const headingId = uniqueId("results-heading");
    this.live = h(
      "div",
      { class: "ws-summary", "aria-live": "polite", "data-status": "idle" },
      h("p", { class: "ws-headline" }, "Press Run tests to check your code against the hidden suite."),
    );
    this.report = h("div", { class: "ws-report" });
    this.element = h(
      "section",
      { class: "ws-results", "aria-labelledby": headingId },
      h("h3", { id: headingId }, "Results"),
      this.live,
      this.extras,
      this.report,
    );
  }

  /** While a run is in progress, the last run's results stay in view, marked as such. */
  running(): void {
    this.live.dataset.status = "running";
    delete this.live.dataset.run;
    this.live.replaceChildren(h("p", { class: "ws-headline" }, "Running the tests…"));
    if (this.report.childElementCount === 0 || this.report.dataset.stale) return;
    this.report.dataset.stale = "true";
    this.report.inert = true;
    this.report.prepend(h("p", { class: "ws-stale-note" }, "The last run’s results, until this run ends:"));
  }

  /**
   * The code was replaced (reset, restored, the solution shown, another tab's code): the last run's
   * results no longer describe it, so its summary gives way to a neutral line and its rows are
   * marked as the last run's. Nothing happens before a first run.
   */
  outdated(): void {
    if (!this.model || this.live.dataset.status === "running") return;
    this.live.dataset.status = "idle";
    delete this.live.dataset.run;
    this.live.replaceChildren(
      h("p", { class: "ws-headline" }, "The code changed since the last run. Run the tests to check it."),
    );
    if (this.report.childElementCount === 0 || this.report.dataset.stale) return;
    this.report.dataset.stale = "true";
    this.report.inert = true;
    this.report.prepend(h("p", { class: "ws-stale-note" }, "The last run’s results, for the code before:"));
  }

  /** Shows a run's results; `extra` is one more sentence for the live region (lesson complete). */
  show(model: ResultsModel, extra?: string): void {
    this.model = model;
    this.live.dataset.status = model.status;
    this.live.dataset.durationMs = String(Math.round(model.durationMs));
    this.live.replaceChildren(
      h("p", { class: "ws-summary-line" }, model.summary),
      h("p", { class: "ws-headline" }, model.headline),
    );
    if (extra) this.live.append(h("p", { class: "ws-extra" }, extra));
    this.render();
  }

  /** One more sentence for the live region after the results (lesson complete, type errors). */
  announce(text: string): void {
    this.live.append(h("p", { class: "ws-extra" }, text));
  }

  /** The run is over, type check and completion included (tests and benchmarks wait on this). */
  settled(): void {
    this.live.dataset.run = "done";
  }

  private render(): void {
    const model = this.model;
    if (!model) return;
    const parts: HTMLElement[] = [];
    const location = model.location;
    if (location && this.canGoTo(location.file)) {
      const goTo = h(
        "button",
        { type: "button", class: "ws-button ws-goto" },
        `Go to line ${location.line} of ${location.file}`,
      );
      goTo.addEventListener("click", () => this.onGoTo(location));
      parts.push(goTo);
    }
    parts.push(...this.testParts(model.rows, model.notRun));
    if (model.output) {
      const troubled = model.status === "error" || model.status === "timeout";
      parts.push(
        h(
          "details",
          { class: "ws-output", open: troubled },
          h("summary", {}, troubled ? "Error output" : `Console output (${lineCount(model.output)})`),
          h("pre", { tabindex: 0 }, model.output),
        ),
      );
    }
    delete this.report.dataset.stale;
    this.report.inert = false;
    this.report.replaceChildren();
    appendAll(this.report, parts);
  }

  /** The failing tests first and the passing ones folded; or, filtered to all, every test in order. */
  private testParts(rows: TestRow[], notRun: string[]): HTMLElement[] {
    // Tests that did not run come right after the failures: they count as not passed.
    const notRunList = () => {
      const list = h("ol", { class: "ws-tests", "aria-label": "Tests that did not run" });
      appendAll(
        list,
        (function* () {
          for (const name of notRun) yield notRunRow(name);
        })(),
      );
      return list;
    };
    if (rows.length === 0) return notRun.length > 0 ? [notRunList()] : [];
    let failing = 0;
    for (const row of rows) if (row.status === "fail") failing += 1;
    const passing = rows.length - failing;
    const parts: HTMLElement[] = [];
    if (failing > 0 && passing > 0) parts.push(this.filterControl(failing, rows.length));
    if (this.filter === "all" || failing === 0 || passing === 0) {
      const list = testList("Tests", rows);
      if (notRun.length > 0) return [...parts, list, notRunList()];
      if (failing > 0) return [...parts, list];
      // Everything passed: the list is a count that opens.
      return [
        h(
          "details",
          { class: "ws-passed" },
          h("summary", {}, plural(passing, "test passed", "tests passed")),
          list,
        ),
      ];
    }
    parts.push(
      testList(
        "Failing tests",
        rows.filter((row) => row.status === "fail"),
      ),
    );
    if (notRun.length > 0) parts.push(notRunList());
    parts.push(
      h(
        "details",
        { class: "ws-passed" },
        h("summary", {}, plural(passing, "test passes", "tests pass")),
        testList(
          "Passing tests",
          rows.filter((row) => row.status === "pass"),
        ),
      ),
    );
    return parts;
  }

  private filterControl(failing: number, total: number): HTMLElement {
    const option = (filter: Filter, label: string) => {
      const button = h(
        "button",
        { type: "button", class: "ws-filter-option", "aria-pressed": String(this.filter === filter) },
        label,
      );
      button.addEventListener("click", () => {
        if (this.filter === filter) return;
        this.filter = filter;
        this.render();
        this.report.querySelector<HTMLElement>(`.ws-filter-option[data-filter="${filter}"]`)?.focus();
      });
      button.dataset.filter = filter;
      return button;
    };
    return h(
      "div",
      { class: "ws-filter", role: "group", "aria-label": "Show tests" },
      option("failures", `Failures first (${failing})`),
      option("all", `All in order (${total})`),
    );
  }
}
