// Line input for the chatbot: a readline that queues lines, and reports Ctrl+C instead of dying.
import { createInterface, type Interface } from "node:readline";
import type { Readable, Writable } from "node:stream";

export class Terminal {
  private readonly rl: Interface;
  private readonly lines: string[] = [];
  private waiting: ((line: string | null) => void) | undefined;
  private closed = false;
  private interruptHandlers: (() => void)[] = [];
  /** Piped input is not echoed by a terminal, so we echo it to keep the transcript readable. */
  private readonly echo: boolean;

  constructor(
    input: Readable,
    private readonly output: Writable,
  ) {
    this.echo = !("isTTY" in input && input.isTTY === true);
    this.rl = createInterface({ input, output });
    // Queue lines that arrive before anyone asks (piped input arrives all at once).
    this.rl.on("line", (line) => this.deliver(line));
    this.rl.on("close", () => {
      this.closed = true;
      this.deliver(null);
    });
    // In a terminal, readline catches Ctrl+C itself: treat it as "stop", not as a crash.
    this.rl.on("SIGINT", () => {
      for (const handler of this.interruptHandlers) handler();
      this.output.write("\n");
      this.close();
    });
  }

  /** The next line the user types, or null when input ended (Ctrl+D, Ctrl+C, end of a pipe). */
  ask(prompt: string): Promise<string | null> {
    const queued = this.lines.shift();
    if (queued !== undefined) {
      if (this.echo) this.output.write(`${prompt}${queued}\n`);
      return Promise.resolve(queued);
    }
    if (this.closed) return Promise.resolve(null);
    this.rl.setPrompt(prompt);
    this.rl.prompt();
    return new Promise((resolve) => (this.waiting = resolve));
  }

  write(text: string): void {
    this.output.write(text);
  }

  onInterrupt(handler: () => void): void {
    this.interruptHandlers.push(handler);
  }

  close(): void {
    if (!this.closed) this.rl.close();
  }

  private deliver(line: string | null) {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) {
      // Echo a piped line; on end of input, finish the prompt's line so the goodbye starts afresh.
      if (this.echo || line === null) this.output.write(line === null ? "\n" : `${line}\n`);
      waiting(line);
    } else if (line !== null) this.lines.push(line);
  }
}
