// What came back from the provider, checked before anything reads it. The body is read under a
// watch for silence (LLM_TIMEOUT_SECONDS), and a reply that is not an OpenAI-style answer becomes an
// LlmError that names the URL and quotes what came back, instead of a TypeError deep in our code.
import { LlmError } from "./errors";

/** Aborts its signal when nothing arrives for `ms`: before the first byte, or between two pieces. */
export class SilenceWatch {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly signal = this.controller.signal;

  constructor(private readonly ms: number) {
    this.heard();
  }

  /** True once the provider stayed silent too long. */
  get expired(): boolean {
    return this.signal.aborted;
  }

  /** Something arrived: the silence starts again. */
  heard(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(), this.ms);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/** Thrown while reading an answer whose connection broke; retried like a 5xx. */
export const brokenConnection = (baseURL: string) =>
  new LlmError(`The connection to ${baseURL} broke in the middle of the answer.`, true);

const HINT = "Check OPENAI_BASE_URL: it should be the server's API URL, usually ending in /v1.";

/** Not an OpenAI-style reply: fail fast (asking again gets the same page), saying what came back. */
export const notAReply = (url: string, what: string) =>
  new LlmError(`${url} sent something that is not an OpenAI-compatible reply: ${what}. ${HINT}`, false);

const QUOTE_CHARS = 120;

/** The start of a text on one line, with its length when cut. */
export function quote(text: string): string {
  const flat = text.replaceAll(/\s+/g, " ").trim();
  if (flat.length <= QUOTE_CHARS) return flat;
  return `${flat.slice(0, QUOTE_CHARS)}… (${text.length} characters)`;
}

/** Reads the whole body as text; every chunk that arrives resets the silence watch. */
export async function readBody(response: Response, watch: SilenceWatch, baseURL: string): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      watch.heard();
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if (watch.expired || (error instanceof Error && error.name === "AbortError")) throw error;
    throw brokenConnection(baseURL);
  } finally {
    reader.releaseLock();
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Parses a JSON body, or says what it was instead (an HTML page, an empty body, other text). */
export function parseBody(text: string, contentType: string, url: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw notAReply(url, describeText(text, contentType));
  }
}

function describeText(text: string, contentType: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return "an empty body";
  if (/html/i.test(contentType) || /^<(!doctype|html)/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    return title ? `an HTML page titled “${title}”` : `an HTML page starting “${quote(trimmed)}”`;
  }
  return `text that is not JSON, “${quote(trimmed)}”`;
}

/** The text of a chat completion (null content, as for a refusal, is an empty answer). */
export function chatText(data: unknown, url: string): string {
  const choice = isObject(data) && Array.isArray(data.choices) ? (data.choices[0] as unknown) : undefined;
  const message = isObject(choice) ? choice.message : undefined;
  if (!isObject(message)) throw notAReply(url, `JSON without \`choices\`, ${quote(JSON.stringify(data))}`);
  const content = message.content ?? "";
  if (typeof content !== "string") {
    throw notAReply(url, `a message whose content is not text, ${quote(JSON.stringify(data))}`);
  }
  return content;
}

/** One event of a streamed completion: its piece of text, and whether the model said it is done. */
export function streamPiece(data: unknown, url: string): { piece: string; finished: boolean } {
  if (!isObject(data) || !Array.isArray(data.choices)) {
    throw notAReply(url, `a stream event without \`choices\`, ${quote(JSON.stringify(data))}`);
  }
  const choice = data.choices[0] as unknown;
  if (!isObject(choice)) return { piece: "", finished: false }; // e.g. a closing usage event
  const delta = isObject(choice.delta) ? choice.delta.content : undefined;
  const finish = choice.finish_reason;
  return {
    piece: typeof delta === "string" ? delta : "",
    finished: typeof finish === "string" && finish !== "",
  };
}

/** The vectors of an embeddings reply, in input order, one per input text. */
export function embeddingVectors(data: unknown, url: string, count: number): number[][] {
  const items = isObject(data) && Array.isArray(data.data) ? (data.data as unknown[]) : undefined;
  const valid = items?.every(
    (item) =>
      isObject(item) &&
      Array.isArray(item.embedding) &&
      item.embedding.every((x) => typeof x === "number") &&
      (item.index === undefined || typeof item.index === "number"),
  );
  if (!items || !valid) {
    throw notAReply(url, `JSON without a list of embeddings in \`data\`, ${quote(JSON.stringify(data))}`);
  }
  if (items.length !== count) {
    throw notAReply(url, `${items.length} embeddings for ${count} texts`);
  }
  const entries = items as { index?: number; embedding: number[] }[];
  return entries
    .map((item, position) => ({ at: item.index ?? position, vector: item.embedding }))
    .sort((a, b) => a.at - b.at)
    .map((item) => item.vector);
}
