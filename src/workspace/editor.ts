// CodeMirror 6 for the workspace: one view, one EditorState per file, so each tab keeps its own
// undo history and selection. Tab indents (indentWithTab); CodeMirror's own escape hatch (Escape,
// then Tab) moves focus on, so keyboard users are never trapped; the UI's help text says so.
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, indentOnInput, indentUnit } from "@codemirror/language";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import {
  Annotation,
  Compartment,
  EditorSelection,
  EditorState,
  Facet,
  Prec,
  type Extension,
} from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { editorTheme } from "./editor-theme";

/** Marks changes made by the workspace (reset, solution) rather than typed by the learner. */
const programmatic = Annotation.define<boolean>();

/** The workspace path of the file a state holds, for extensions that work per file (type checks). */
export const editorFile = Facet.define<string, string>({ combine: (paths) => paths[0] ?? "" });

/** Where the language tools (loaded after the editor opens) plug into every file's state. */
const languageTools = new Compartment();

export interface EditorFile {
  path: string;
  text: string;
  readonly: boolean;
}

export interface EditorOptions {
  /** Id of the help text (keys, how to leave the editor) read out with the editor's name. */
  describedBy: string;
  /** Called after a document changes; `byLearner` is false for the workspace's own replacements. */
  onChange(path: string, byLearner: boolean): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
}

export class CodeEditor {
  readonly view: EditorView;
  private readonly states = new Map<string, EditorState>();
  private current: string;

  constructor(parent: HTMLElement, files: EditorFile[], options: EditorOptions) {
    const shared = sharedExtensions(options);
    for (const file of files) {
      this.states.set(
        file.path,
        EditorState.create({ doc: file.text, extensions: [shared, perFile(file, options)] }),
      );
    }
    const first = files[0];
    if (!first) throw new Error("An exercise workspace needs at least one file.");
    this.current = first.path;
    this.view = new EditorView({ state: this.stateOf(first.path), parent });
  }

  /** The file on screen. */
  get path(): string {
    return this.current;
  }

  show(path: string): void {
    if (path === this.current) return;
    this.states.set(this.current, this.view.state);
    this.current = path;
    this.view.setState(this.stateOf(path));
  }

  text(path: string): string {
    const state = path === this.current ? this.view.state : this.stateOf(path);
    return state.doc.toString();
  }

  /** Every file's path, in tab order. */
  paths(): string[] {
    return [...this.states.keys()];
  }

  /** Adds extensions to every file (the language service's, once it has loaded). */
  setLanguageTools(extension: Extension): void {
    const effects = languageTools.reconfigure(extension);
    for (const [path, state] of this.states) {
      if (path !== this.current) this.states.set(path, state.update({ effects }).state);
    }
    this.view.dispatch({ effects });
  }

  /** Shows a file with a range selected and in view (a definition), and focuses the editor. */
  select(path: string, from: number, to = from): void {
    if (this.states.has(path)) this.show(path);
    const length = this.view.state.doc.length;
    const range = EditorSelection.range(Math.min(from, length), Math.min(to, length));
    this.view.dispatch({ selection: EditorSelection.create([range]), scrollIntoView: true });
    this.view.focus();
  }

  /** Replaces a file's text as one undoable change, so Ctrl+Z brings the previous text back. */
  replace(path: string, text: string): void {
    const state = path === this.current ? this.view.state : this.stateOf(path);
    const spec = {
      changes: { from: 0, to: state.doc.length, insert: text },
      annotations: programmatic.of(true),
    };
    if (path === this.current) this.view.dispatch(spec);
    else this.states.set(path, state.update(spec).state);
  }

  focus(): void {
    this.view.focus();
  }

  /** Shows a file with the cursor at a 1-based line and column (from an error report). */
  goTo(path: string, line: number, column: number): void {
    if (this.states.has(path)) this.show(path);
    const doc = this.view.state.doc;
    const target = doc.line(Math.min(Math.max(line, 1), doc.lines));
    const pos = Math.min(target.from + Math.max(column - 1, 0), target.to);
    this.view.dispatch({ selection: EditorSelection.cursor(pos), scrollIntoView: true });
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }

  private stateOf(path: string): EditorState {
    const state = this.states.get(path);
    if (!state) throw new Error(`No file ${path} in this workspace.`);
    return state;
  }
}

function sharedExtensions(options: EditorOptions): Extension {
  return [
    Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (options.onRun(), true) }])),
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    indentUnit.of("  "),
    EditorState.tabSize.of(2),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, indentWithTab]),
    javascript({ typescript: true }),
    editorTheme,
    languageTools.of([]),
  ];
}

function perFile(file: EditorFile, options: EditorOptions): Extension {
  const label = file.readonly ? `${file.path} (read-only)` : `Code editor: ${file.path}`;
  return [
    editorFile.of(file.path),
    EditorState.readOnly.of(file.readonly),
    // An explicit tabindex lets checkers (axe: scrollable-region-focusable) see the scroller is reachable.
    EditorView.contentAttributes.of({
      "aria-label": label,
      "aria-describedby": options.describedBy,
      tabindex: "0",
    }),
    EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      const byLearner = update.transactions.some((tr) => tr.docChanged && !tr.annotation(programmatic));
      options.onChange(file.path, byLearner);
    }),
  ];
}
