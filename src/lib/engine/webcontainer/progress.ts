// Splits a run's terminal output into vitest's own text (for the Terminal) and the progress lines of
// the course's reporter (project/pocketflow-reporter.js): which file is loading, which test started
// and how each test ended. The engine needs them to stop a stuck run and to say what was running.

export type ProgressEvent =
  | { event: "file"; path: string }
  | { event: "collected"; path: string }
  | { event: "test-start"; name: string }
  | { event: "test-done"; name: string; state: string; message?: string };

const MARK = "@@pocketflow ";
/** The reporter puts each progress line on a line of its own: a newline, the mark, JSON, a newline. */
const START = `\n${MARK}`;

function toEvent(json: string): ProgressEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const entry = value as Record<string, unknown>;
  const text = (key: string) => (typeof entry[key] === "string" ? (entry[key] as string) : undefined);
  const path = text("path");
  const name = text("name");
  const state = text("state");
  if (entry.event === "file" && path !== undefined) return { event: "file", path };
  if (entry.event === "collected" && path !== undefined) return { event: "collected", path };
  if (entry.event === "test-start" && name !== undefined) return { event: "test-start", name };
  if (entry.event === "test-done" && name !== undefined && state !== undefined) {
    const message = text("message");
    return { event: "test-done", name, state, ...(message === undefined ? {} : { message }) };
  }
  return undefined;
}

/** The length of the longest end of `text` that could begin a progress line (with the "\r" a
 *  terminal puts before its newline). */
function partialStart(text: string): number {
  let length = Math.min(START.length - 1, text.length);
  while (length > 0 && !START.startsWith(text.slice(-length))) length -= 1;
  return text[text.length - length - 1] === "\r" ? length + 1 : length;
}

export class ProgressSplitter {
  private buffer = "";

  constructor(
    private readonly onEvent: (event: ProgressEvent) => void,
    private readonly onText: (text: string) => void,
  ) {}

  push(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      const at = this.buffer.indexOf(START);
      if (at < 0) {
        const keep = partialStart(this.buffer);
        this.emitText(this.buffer.slice(0, this.buffer.length - keep));
        this.buffer = this.buffer.slice(this.buffer.length - keep);
        return;
      }
      // A terminal turns "\n" into "\r\n": the "\r" before the mark belongs to it, as does the one
      // that ends the line.
      this.emitText(this.buffer.slice(0, at).replace(/\r$/, ""));
      this.buffer = this.buffer.slice(at);
      const end = this.buffer.indexOf("\n", START.length);
      if (end < 0) return;
      const event = toEvent(this.buffer.slice(START.length, end).replace(/\r$/, ""));
      if (event) this.onEvent(event);
      this.buffer = this.buffer.slice(end + 1);
    }
  }

  /** The rest, once the process has ended. */
  flush(): void {
    this.emitText(this.buffer);
    this.buffer = "";
  }

  private emitText(text: string): void {
    if (text) this.onText(text);
  }
}
