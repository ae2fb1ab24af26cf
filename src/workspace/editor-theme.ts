// The editor's look. Colours are CSS variables (src/styles/workspace.css) so the editor follows the
// site's light and dark themes and matches the Shiki-highlighted starter it replaces.
import { syntaxHighlighting } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import { tagHighlighter, tags } from "@lezer/highlight";

/** Token classes, coloured in workspace.css; function names get their own, as Shiki's themes do. */
const highlighter = tagHighlighter([
  { tag: tags.keyword, class: "tok-keyword" },
  { tag: [tags.string, tags.special(tags.string)], class: "tok-string" },
  { tag: [tags.regexp, tags.escape], class: "tok-string" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], class: "tok-constant" },
  { tag: tags.comment, class: "tok-comment" },
  { tag: [tags.typeName, tags.className, tags.namespace], class: "tok-type" },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], class: "tok-function" },
  { tag: tags.definition(tags.variableName), class: "tok-definition" },
  { tag: tags.propertyName, class: "tok-property" },
  { tag: tags.operator, class: "tok-operator" },
  { tag: tags.invalid, class: "tok-invalid" },
]);

const chrome = EditorView.theme({
  "&": {
    color: "var(--code-fg)",
    backgroundColor: "var(--code-bg)",
    fontSize: "0.9rem",
    border: "1px solid var(--border)",
    borderRadius: "0 0 6px 6px",
  },
  "&.cm-focused": { outline: "3px solid var(--focus)", outlineOffset: "2px" },
  ".cm-scroller": { fontFamily: "var(--font-code)", lineHeight: "1.5", overflow: "auto" },
  ".cm-content": { padding: "0.75rem 0", caretColor: "var(--code-fg)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--code-fg)", borderLeftWidth: "2px" },
  ".cm-gutters": {
    backgroundColor: "var(--code-gutter-bg)",
    color: "var(--code-gutter-fg)",
    borderRight: "1px solid var(--border)",
    borderRadius: "0 0 0 6px",
  },
  ".cm-activeLine": { backgroundColor: "var(--code-active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--code-active-line)", color: "var(--code-fg)" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
    { backgroundColor: "var(--code-selection)" },
  ".cm-matchingBracket": {
    backgroundColor: "var(--code-bracket)",
    outline: "1px solid var(--code-gutter-fg)",
  },
  ".cm-panels": { backgroundColor: "var(--surface)", color: "var(--fg)" },
  ".cm-searchMatch": { backgroundColor: "var(--code-search)" },
});

export const editorTheme = [chrome, syntaxHighlighting(highlighter)];
