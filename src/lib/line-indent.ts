// A Shiki transformer that marks each line of a listing with its indentation (`--indent: 4ch`), so
// that where a narrow reading pane wraps long lines (global.css), a continuation lines up under its
// line's code, two characters in, instead of at the left edge.
import type { ShikiTransformer } from "shiki";

type HastNode = { type: string; value?: string; children?: HastNode[] };

/** The spaces a line's text starts with (tabs count as two, the listings' tab size). */
function leadingSpaces(node: HastNode): { count: number; done: boolean } {
  if (node.type === "text") {
    const match = /^[ \t]*/.exec(node.value ?? "")?.[0] ?? "";
    const count = [...match].reduce((sum, char) => sum + (char === "\t" ? 2 : 1), 0);
    return { count, done: match.length < (node.value ?? "").length };
  }
  let count = 0;
  for (const child of node.children ?? []) {
    const part = leadingSpaces(child);
    count += part.count;
    if (part.done) return { count, done: true };
  }
  return { count, done: false };
}

export const lineIndent: ShikiTransformer = {
  name: "line-indent",
  line(node) {
    const { count } = leadingSpaces(node as HastNode);
    if (count > 0) node.properties.style = `--indent:${count}ch`;
  },
};
