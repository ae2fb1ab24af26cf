/** A piece of front-matter text: plain, or code that was written between backticks. */
export type TextPart = { code: boolean; text: string };

/**
 * Splits short front-matter text (objectives, descriptions) on backticks so pages can render `code`
 * as <code> without parsing Markdown or injecting HTML. An unpaired backtick is kept as text.
 */
export function splitInlineCode(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ code: false, text: text.slice(last, match.index) });
    parts.push({ code: true, text: match[1] as string });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ code: false, text: text.slice(last) });
  return parts;
}
