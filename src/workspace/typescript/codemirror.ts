// The language service in CodeMirror: type errors as the learner types (underline, gutter marker,
// message on hover and in the lint panel), the type of a name on hover, completion, and go to
// definition across the file tabs. Every feature has a key as well as a pointer gesture:
//   F8 / Shift+F8      next / previous error (its message is announced)
//   Ctrl+Shift+M       the list of errors (CodeMirror's lint panel; Escape returns)
//   Ctrl+K, Ctrl+I     the type and any error at the cursor, as a tooltip (and announced)
//   F12, Ctrl+click    go to definition (in another tab, too)
//   Ctrl+Space         completion (it also opens as you type a name or a `.`)
import { autocompletion } from "@codemirror/autocomplete";
import {
  forEachDiagnostic,
  lintGutter,
  linter,
  nextDiagnostic,
  openLintPanel,
  previousDiagnostic,
  type Diagnostic,
} from "@codemirror/lint";
import { StateEffect, StateField, type EditorState, type Extension } from "@codemirror/state";
import { EditorView, hoverTooltip, keymap, showTooltip, type Command, type Tooltip } from "@codemirror/view";
import type { TypeIssue } from "../../lib/typescript/service";
import { h } from "../dom";
import { editorFile } from "../editor";
import { completionSource } from "./completion";
import { infoBox, plainText } from "./info-box";
import type { Method, Methods } from "./protocol";

export interface LanguageToolsOptions {
  request<M extends Method>(method: M, params: Methods[M]["params"]): Promise<Methods[M]["result"]>;
  /** Shows a workspace file with a range selected: the target of go to definition. */
  reveal(path: string, from: number, to: number): void;
  /** Says a sentence to screen readers (a polite live region outside the editor). */
  announce(text: string): void;
}

/** Quiet time after a keystroke before the file is checked again. */
export const LINT_DELAY_MS = 150;

const fileOf = (state: EditorState) => state.facet(editorFile);
const clamp = (pos: number, state: EditorState) => Math.max(0, Math.min(pos, state.doc.length));

export const toDiagnostic = (issue: TypeIssue, state: EditorState): Diagnostic => ({
  from: clamp(issue.start, state),
  to: clamp(issue.end, state),
  severity: issue.severity,
  message: issue.message,
  source: `TS${issue.code}`,
});

/** The diagnostics the lint state holds at `pos`. */
function diagnosticsAt(state: EditorState, pos: number): Diagnostic[] {
  const found: Diagnostic[] = [];
  forEachDiagnostic(state, (diagnostic, from, to) => {
    if (from <= pos && pos <= to) found.push({ ...diagnostic, from, to });
  });
  return found;
}

const lineOf = (state: EditorState, pos: number) => state.doc.lineAt(pos).number;

// ---- the type and error at the cursor, for keyboard users

const setCursorInfo = StateEffect.define<Tooltip | null>();

const cursorInfo = StateField.define<Tooltip | null>({
  create: () => null,
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setCursorInfo)) return effect.value;
    return tr.docChanged || tr.selection ? null : value;
  },
  provide: (field) => showTooltip.from(field),
});

function showInfoAtCursor(options: LanguageToolsOptions): Command {
  return (view) => {
    const { state } = view;
    const pos = state.selection.main.head;
    const errors = diagnosticsAt(state, pos);
    void options
      .request("hover", { path: fileOf(state), pos })
      .catch(() => null)
      .then((info) => {
        if (view.state.doc !== state.doc || view.state.selection.main.head !== pos) return;
        const spoken = [...errors.map((error) => error.message), info ? plainText(info.parts) : ""];
        const text = spoken.filter(Boolean).join(". ");
        options.announce(text || "No type information here.");
        const dom = h(
          "div",
          { class: "cm-ts-cursor-info" },
          ...errors.map((error) =>
            h("p", { class: `cm-ts-cursor-error cm-ts-${error.severity}` }, error.message),
          ),
          info
            ? infoBox(info.parts, info.documentation)
            : !errors.length && h("p", {}, "No type information here."),
        );
        view.dispatch({ effects: setCursorInfo.of({ pos, above: false, create: () => ({ dom }) }) });
      });
    return true;
  };
}

const closeCursorInfo: Command = (view) => {
  if (!view.state.field(cursorInfo, false)) return false;
  view.dispatch({ effects: setCursorInfo.of(null) });
  return true;
};

/** F8 / Shift+F8, with the message of the error it lands on read out. */
function moveToDiagnostic(move: Command, options: LanguageToolsOptions): Command {
  return (view) => {
    if (!move(view)) return false;
    const { state } = view;
    const pos = state.selection.main.from;
    const [found] = diagnosticsAt(state, pos);
    if (found) options.announce(`Line ${lineOf(state, pos)}: ${found.message}`);
    return true;
  };
}

// ---- go to definition

function goToDefinitionAt(view: EditorView, pos: number, options: LanguageToolsOptions): void {
  void options
    .request("definition", { path: fileOf(view.state), pos })
    .catch(() => [])
    .then(([target]) => {
      if (target) options.reveal(target.file, target.start, target.end);
      else options.announce("No definition of this name in the exercise's files.");
    });
}

/**
 * The tooltips, completion list and lint panel in the site's colours (CSS variables), light and
 * dark alike: CodeMirror's own defaults are light grey whatever the theme.
 */
const toolsTheme = EditorView.theme({
  ".cm-tooltip": {
    backgroundColor: "var(--code-bg)",
    color: "var(--code-fg)",
    border: "1px solid var(--border)",
    borderRadius: "6px",
    boxShadow: "0 4px 12px rgb(0 0 0 / 0.15)",
  },
  ".cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]": {
    backgroundColor: "var(--code-selection)",
    color: "var(--code-fg)",
  },
  ".cm-completionDetail": { color: "var(--muted)" },
  // CodeMirror dims the error code to 70 %: too faint on a selected row (axe: color-contrast)
  ".cm-diagnosticSource": { color: "inherit", opacity: "1" },
  ".cm-diagnostic-error": { borderLeftColor: "var(--bad)" },
  ".cm-panel.cm-panel-lint ul [aria-selected]": {
    backgroundColor: "var(--code-selection)",
    color: "var(--code-fg)",
  },
  ".cm-panel.cm-panel-lint ul:focus [aria-selected]": {
    backgroundColor: "var(--code-selection)",
    color: "var(--code-fg)",
  },
  ".cm-ts-info, .cm-ts-cursor-info": { padding: "0.25rem 0.5rem", maxWidth: "min(36rem, 90vw)" },
  ".cm-ts-type": { whiteSpace: "pre-wrap", fontFamily: "var(--font-code)", background: "none", padding: "0" },
  ".cm-ts-docs": { margin: "0.35rem 0 0", fontFamily: "var(--font-body, system-ui)" },
  ".cm-ts-cursor-error": { margin: "0 0 0.35rem", borderLeft: "3px solid var(--bad)", paddingLeft: "0.4rem" },
});

/** Everything the language service adds to the editor; reads each state's file from `editorFile`. */
export function languageTools(options: LanguageToolsOptions): Extension {
  const lint = linter(
    async (view) => {
      const { state } = view;
      const issues = await options.request("diagnostics", { paths: [fileOf(state)] }).catch(() => []);
      return issues.map((issue) => toDiagnostic(issue, state));
    },
    { delay: LINT_DELAY_MS },
  );
  const hover = hoverTooltip(async (view, pos) => {
    const info = await options.request("hover", { path: fileOf(view.state), pos }).catch(() => null);
    if (!info) return null;
    return {
      pos: info.start,
      end: info.end,
      above: true,
      create: () => ({ dom: infoBox(info.parts, info.documentation) }),
    };
  });
  return [
    lint,
    lintGutter(),
    hover,
    cursorInfo,
    autocompletion({ override: [completionSource(options)] }),
    keymap.of([
      { key: "F8", run: moveToDiagnostic(nextDiagnostic, options) },
      { key: "Shift-F8", run: moveToDiagnostic(previousDiagnostic, options) },
      { key: "Mod-Shift-m", run: openLintPanel, preventDefault: true },
      { key: "Mod-k Mod-i", run: showInfoAtCursor(options), preventDefault: true },
      { key: "Escape", run: closeCursorInfo },
      {
        key: "F12",
        run: (view) => (goToDefinitionAt(view, view.state.selection.main.head, options), true),
        preventDefault: true,
      },
    ]),
    EditorView.domEventHandlers({
      click(event, view) {
        if (!(event.ctrlKey || event.metaKey)) return false;
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
        if (pos === null) return false;
        goToDefinitionAt(view, pos, options);
        return true;
      },
    }),
    toolsTheme,
  ];
}
