// The results area: a polite live region with the summary and what to do next (so screen readers
// announce each run), then one row per test, failures with their message and diff, then the output.
import type { DiffLine } from "./diff";
import { h, uniqueId } from "./dom";
import type { ErrorLocation, ResultsModel, TestRow } from "./results";

const DIFF_MARK: Record<DiffLine["kind"], string> = { same: "  ", expected: "- ", actual: "+ " };

/** Appends one child per item without spreading the items into a call's arguments. */
function appendEach<T>(parent: HTMLElement, items: readonly T[], make: (item: T) => Node): HTMLElement {
  for (const item of items) parent.append(make(item));
  return parent;
}

function diffBlock(lines: DiffLine[]): HTMLElement {
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
    appendEach(h("pre", {}), lines, (line) =>
      h("span", { class: `ws-diff-${line.kind}` }, DIFF_MARK[line.kind] + line.text + "\n"),
    ),
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
  return `${lines} ${lines === 1 ? "line" : "lines"}`;
};

export class ResultsView {
  readonly element: HTMLElement;
  private readonly live: HTMLElement;
  private readonly report: HTMLElement;

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
      this.report,
    );
  }

  /** While a run is in progress, the last run's results stay in view, marked as such. */
  running(): void {
    this.live.dataset.status = "running";
    this.live.replaceChildren(h("p", { class: "ws-headline" }, "Running the tests…"));
    if (this.report.childElementCount === 0 || this.report.dataset.stale) return;
    this.report.dataset.stale = "true";
    this.report.inert = true;
    this.report.prepend(h("p", { class: "ws-stale-note" }, "The last run’s results, until this run ends:"));
  }

  /** Shows a run's results; `extra` is one more sentence for the live region (lesson complete). */
  show(model: ResultsModel, extra?: string): void {
    this.live.dataset.status = model.status;
    this.live.dataset.durationMs = String(Math.round(model.durationMs));
    this.live.replaceChildren(
      h("p", { class: "ws-summary-line" }, model.summary),
      h("p", { class: "ws-headline" }, model.headline),
    );
    if (extra) this.live.append(h("p", { class: "ws-extra" }, extra));

    const parts: HTMLElement[] = [];
    const location = model.location;
    if (location && this.canGoTo(location.file)) {
      const goTo = h(
        "button",
        { type: "button", class: "ws-button" },
        `Go to line ${location.line} of ${location.file}`,
      );
      goTo.addEventListener("click", () => this.onGoTo(location));
      parts.push(goTo);
    }
    if (model.rows.length + model.notRun.length > 0) {
      const list = appendEach(h("ol", { class: "ws-tests", "aria-label": "Tests" }), model.rows, testRow);
      parts.push(appendEach(list, model.notRun, notRunRow));
    }
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
    this.report.replaceChildren(...parts);
  }
}
