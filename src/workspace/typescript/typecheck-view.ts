// The Type check line of a run's results: "No type errors", or the count with each error's place,
// message and a Go to line button. Given plain data; returns an element.
import { h } from "../dom";
import "./typecheck.css";

export interface TypeCheckIssue {
  file: string;
  line: number;
  column: number;
  message: string;
  code: number;
}

export type TypeCheckResult =
  | { status: "ok" }
  | { status: "errors"; issues: TypeCheckIssue[] }
  /** The checker could not load or answer; the run's tests alone decide. */
  | { status: "unavailable"; reason: string };

export interface TypeCheckActions {
  goTo(issue: TypeCheckIssue): void;
  canGoTo(file: string): boolean;
}

export const typeErrorCount = (count: number) => `${count} type ${count === 1 ? "error" : "errors"}`;

/** TypeScript numbers its syntax diagnostics 1000–1999 ("Expression expected."). */
const isSyntaxError = (issue: TypeCheckIssue) => issue.code >= 1000 && issue.code < 2000;
const kindOf = (issue: TypeCheckIssue) => (isSyntaxError(issue) ? "syntax error" : "type error");

/** "2 type errors", "1 syntax error", or both: a syntax error is not called a type error. */
export function issueCount(issues: readonly TypeCheckIssue[]): string {
  const syntax = issues.filter(isSyntaxError).length;
  const types = issues.length - syntax;
  const parts = [];
  if (syntax > 0) parts.push(`${syntax} syntax ${syntax === 1 ? "error" : "errors"}`);
  if (types > 0 || syntax === 0) parts.push(typeErrorCount(types));
  return parts.join(", ");
}

function summary(result: TypeCheckResult): string {
  switch (result.status) {
    case "ok":
      return "No type errors";
    case "errors":
      return issueCount(result.issues);
    case "unavailable":
      return `not available (${result.reason})`;
  }
}

function issueItem(issue: TypeCheckIssue, actions: TypeCheckActions): HTMLElement {
  const item = h(
    "li",
    { class: "ws-typecheck-issue" },
    h("code", { class: "ws-typecheck-where" }, `${issue.file}:${issue.line}:${issue.column}`),
    " ",
    h("span", { class: "ws-typecheck-message" }, issue.message),
  );
  if (actions.canGoTo(issue.file)) {
    // Named apart from the results' own "Go to line N of file" button for a run's error.
    const button = h(
      "button",
      {
        type: "button",
        class: "ws-button ws-typecheck-goto",
        "aria-label": `Go to line ${issue.line} of ${issue.file} (${kindOf(issue)})`,
      },
      `Go to line ${issue.line}`,
    );
    button.addEventListener("click", () => actions.goTo(issue));
    item.append(" ", button);
  }
  return item;
}

export function typeCheckLine(result: TypeCheckResult, actions: TypeCheckActions): HTMLElement {
  return h(
    "div",
    { class: "ws-typecheck", "data-status": result.status },
    h(
      "p",
      { class: "ws-typecheck-line" },
      h(
        "span",
        { "aria-hidden": "true" },
        result.status === "errors" ? "✗ " : result.status === "ok" ? "✓ " : "",
      ),
      h("strong", {}, "Type check:"),
      " ",
      summary(result),
    ),
    result.status === "errors" &&
      h(
        "ol",
        { class: "ws-typecheck-issues", "aria-label": "Type errors" },
        ...result.issues.map((issue) => issueItem(issue, actions)),
      ),
  );
}
