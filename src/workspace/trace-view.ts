// The Trace view: after a run of a part-2 or part-3 exercise, what the learner's flow did in each test,
// from the tracer the engine ran around the provided core: the nodes in the order they ran, the action
// each returned, and what each changed in the shared store. It gets plain data (a report's tests) and
// checks every trace before it shows it; everything is rendered as text, never as markup.
import type { TestOutcome } from "../lib/engine/report";
import { readTestTrace, type TestTrace } from "../lib/trace/model";
import { formatChange, formatPlain, type TraceStep } from "../../core/trace";
import { h, uniqueId } from "./dom";
import "../styles/trace.css";
import { plural } from "../lib/words";

export interface TracedTest {
  name: string;
  status: "pass" | "fail";
  trace: TestTrace;
}

const actionText = (step: TraceStep) => {
  if (step.status === "failed") return `threw: ${step.error ?? "an error"}`;
  if (step.status === "running") return "did not finish";
  return step.action === undefined ? "→ default" : `→ "${step.action}"`;
};

function stepItem(step: TraceStep): HTMLElement {
  const failed = step.status !== "done";
  const item = h(
    "li",
    { class: `tr-step tr-${step.kind}${failed ? " tr-failed" : ""}`, style: `--tr-depth: ${step.depth}` },
    h(
      "p",
      { class: "tr-head" },
      h("span", { class: "tr-index" }, `${step.index + 1}.`),
      " ",
      h("span", { class: "tr-node" }, step.node),
      " ",
      h("span", { class: "tr-action" }, actionText(step)),
    ),
  );
  if (step.execErrors.length > 0) {
    const last = step.execErrors.at(-1) ?? "";
    item.append(
      h(
        "p",
        { class: "tr-note" },
        `exec threw ${plural(step.execErrors.length, "time")}, then retried (last: ${last})`,
      ),
    );
  }
  // A flow's changes are its steps' changes, shown on them.
  if (step.kind === "node") {
    item.append(
      step.changes.length === 0
        ? h("p", { class: "tr-note" }, "changed nothing in the store")
        : h(
            "ul",
            { class: "tr-changes", "aria-label": `What ${step.node} changed in the store` },
            ...step.changes.map((change) =>
              h("li", { class: `tr-${change.kind}` }, h("code", {}, formatChange(change, 160))),
            ),
          ),
    );
  }
  return item;
}

function traceBody(test: TracedTest): HTMLElement[] {
  const parts: HTMLElement[] = [];
  const top = test.trace.steps.find((step) => step.storeBefore !== undefined);
  if (top?.storeBefore !== undefined) {
    parts.push(
      h(
        "details",
        { class: "tr-start" },
        h("summary", {}, "The shared store at the start"),
        h("pre", { tabindex: 0 }, formatPlain(top.storeBefore, 4000)),
      ),
    );
  }
  parts.push(
    h(
      "ol",
      { class: "tr-steps", "aria-label": "Steps, in the order they ran" },
      ...test.trace.steps.map(stepItem),
    ),
  );
  if (test.trace.dropped > 0) {
    parts.push(
      h("p", { class: "tr-note" }, `… and ${plural(test.trace.dropped, "more step")}, not recorded.`),
    );
  }
  return parts;
}

export class TraceView {
  readonly element: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly picker: HTMLSelectElement;
  private readonly pickerRow: HTMLElement;
  private readonly body: HTMLElement;
  private tests: TracedTest[] = [];

  constructor() {
    const headingId = uniqueId("trace-heading");
    const pickerId = uniqueId("trace-test");
    this.heading = h("h3", { id: headingId, tabindex: -1 }, "Trace");
    this.picker = h("select", { id: pickerId, class: "tr-picker" });
    this.picker.addEventListener("change", () => this.render());
    this.pickerRow = h(
      "p",
      { class: "tr-picker-row", hidden: true },
      h("label", { for: pickerId }, "Test"),
      " ",
      this.picker,
    );
    this.body = h(
      "div",
      { class: "tr-body" },
      h("p", { class: "muted" }, "Run the tests to see what your flow did in each one."),
    );
    this.element = h(
      "section",
      { class: "tr", "aria-labelledby": headingId },
      this.heading,
      h(
        "p",
        { class: "tr-intro muted" },
        "What your flow did in each test: the nodes in the order they ran, the action each returned, " +
          "and what each changed in the shared store.",
      ),
      this.pickerRow,
      this.body,
    );
  }

  /** The tests of a report; those with a valid trace can be shown, a failing one first. */
  show(outcomes: readonly TestOutcome[]): void {
    this.tests = outcomes.flatMap((outcome) => {
      const trace = readTestTrace(outcome.trace);
      return trace && trace.steps.length > 0 ? [{ name: outcome.name, status: outcome.status, trace }] : [];
    });
    this.picker.replaceChildren(
      ...this.tests.map((test, i) =>
        h("option", { value: String(i) }, `${test.status === "pass" ? "✓" : "✗"} ${test.name}`),
      ),
    );
    this.pickerRow.hidden = this.tests.length === 0;
    const firstFailure = this.tests.findIndex((test) => test.status === "fail");
    this.picker.value = String(Math.max(0, firstFailure));
    this.render();
  }

  /** Whether a test has a trace to show. */
  has(name: string): boolean {
    return this.tests.some((test) => test.name === name);
  }

  /** Shows one test's trace; with `focus`, moves the learner there (from a failure's button). */
  select(name: string, { focus = false } = {}): void {
    const index = this.tests.findIndex((test) => test.name === name);
    if (index < 0) return;
    this.picker.value = String(index);
    this.render();
    if (focus) {
      this.element.scrollIntoView({ block: "start" });
      this.heading.focus();
    }
  }

  private render(): void {
    const test = this.tests[Number(this.picker.value)];
    if (!test) {
      this.body.replaceChildren(
        h(
          "p",
          { class: "muted" },
          "None of the tests got as far as running a flow, so there are no steps to show yet.",
        ),
      );
      return;
    }
    const status = h(
      "p",
      { class: `tr-status tr-status-${test.status}` },
      test.status === "pass"
        ? "This test passed."
        : "This test failed. These are the steps its flows took up to the failure.",
    );
    this.body.replaceChildren(status, ...traceBody(test));
  }
}

/** Puts a "Show its trace" button on each failed test of the results that has a trace. */
export function linkFailuresToTrace(results: HTMLElement, view: TraceView): void {
  for (const row of results.querySelectorAll<HTMLElement>(".ws-test.ws-fail")) {
    const name = row.querySelector(".ws-test-name")?.textContent ?? "";
    if (!view.has(name) || row.querySelector(".tr-link")) continue;
    const link = h("button", { type: "button", class: "ws-button tr-link" }, "Show its trace");
    link.addEventListener("click", () => view.select(name, { focus: true }));
    (row.querySelector(".ws-test-detail") ?? row).append(link);
  }
}
