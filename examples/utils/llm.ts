// The one place that talks to the provider: chat (optionally streamed) and embeddings, via the openai SDK.
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type { LlmConfig } from "./config";
import { Interrupted, LlmError } from "./errors";
import { steerRetry, type RetryState } from "./retry";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface CallOptions {
  /** The calling node (pass `this` from exec): failures tune its retries, see retry.ts. */
  retry?: RetryState;
  /** Stream the answer: called with each piece of text as it arrives. */
  onToken?: (text: string) => void;
}

export interface Llm {
  readonly model: string;
  readonly embeddingModel: string | undefined;
  /** A prompt (one user message) or a whole conversation in; the answer's text out. */
  chat(input: string | ChatMessage[], options?: CallOptions): Promise<string>;
  /** One vector per text, in order. Needs an embeddings model (see LlmConfig). */
  embed(texts: string[], options?: CallOptions): Promise<number[][]>;
}

export interface LlmOptions {
  /** Where retry notes go (stderr in the examples). */
  log?: (line: string) => void;
  /** Aborts the request in flight, e.g. on Ctrl+C. */
  signal?: AbortSignal;
}

export function createLlm(config: LlmConfig, { log, signal }: LlmOptions = {}): Llm {
  // maxRetries: 0 — the node's retry loop decides about retries, not the SDK behind its back.
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, maxRetries: 0 });
  const policy = { baseWait: config.retryWait, log };

  const fail = (error: unknown, retry: RetryState | undefined, model: string, variable: string) => {
    const explained = explain(error, config.baseURL, model, variable);
    return retry ? steerRetry(retry, explained, policy) : explained;
  };

  return {
    model: config.model,
    embeddingModel: config.embeddingModel,

    async chat(input, { retry, onToken } = {}) {
      const messages = typeof input === "string" ? [{ role: "user" as const, content: input }] : input;
      try {
        if (!onToken) {
          const reply = await client.chat.completions.create({ model: config.model, messages }, { signal });
          return reply.choices[0]?.message.content ?? "";
        }
        const stream = await client.chat.completions.create(
          { model: config.model, messages, stream: true },
          { signal },
        );
        let text = "";
        for await (const chunk of stream) {
          const piece = chunk.choices[0]?.delta.content;
          if (piece) {
            text += piece;
            onToken(piece);
          }
        }
        return text;
      } catch (error) {
        throw fail(error, retry, config.model, "LLM_MODEL");
      }
    },

    async embed(texts, { retry } = {}) {
      const model = config.embeddingModel;
      if (!model) throw new LlmError("No embeddings model is configured: set EMBEDDING_MODEL.", false);
      try {
        // "float": every OpenAI-compatible server speaks it (the SDK would otherwise ask for base64).
        const reply = await client.embeddings.create(
          { model, input: texts, encoding_format: "float" },
          { signal },
        );
        return [...reply.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
      } catch (error) {
        throw fail(error, retry, model, "EMBEDDING_MODEL");
      }
    },
  };
}

/** Turns an SDK error into an LlmError whose message says what happened and what to fix. */
export function explain(error: unknown, baseURL: string, model: string, variable: string): Error {
  if (error instanceof APIUserAbortError) return new Interrupted();
  if (error instanceof APIConnectionTimeoutError) {
    return new LlmError(`The request to ${baseURL} timed out.`, true);
  }
  if (error instanceof APIConnectionError) {
    return new LlmError(
      `Could not reach ${baseURL}. Is the server running (Ollama: \`ollama serve\`)?`,
      true,
    );
  }
  if (!(error instanceof APIError) || error.status === undefined) {
    return error instanceof Error ? error : new Error(String(error));
  }
  const status = error.status;
  const detail = error.message.replace(/^\d+\s*/, "");
  if (status === 429) {
    return new LlmError(
      `Rate limited by the provider (429): ${detail}.`,
      true,
      retryAfter(error.headers),
      status,
    );
  }
  if (status >= 500 || status === 408 || status === 409) {
    return new LlmError(
      `The provider had an error (${status}): ${detail}.`,
      true,
      retryAfter(error.headers),
      status,
    );
  }
  if (status === 401) {
    return new LlmError(
      `The provider rejected the API key (401): check OPENAI_API_KEY. (${detail})`,
      false,
      undefined,
      401,
    );
  }
  if (status === 403) {
    return new LlmError(
      `Access denied (403): your key may not be allowed to use '${model}'. (${detail})`,
      false,
      undefined,
      403,
    );
  }
  if (status === 404) {
    return new LlmError(
      `Model '${model}' was not found at ${baseURL} (404). Check ${variable} (Ollama: \`ollama pull ${model}\`, ` +
        "`ollama list`) and that OPENAI_BASE_URL ends in /v1.",
      false,
      undefined,
      404,
    );
  }
  return new LlmError(`The provider refused the request (${status}): ${detail}.`, false, undefined, status);
}

/** Seconds from a Retry-After header (seconds or an HTTP date) or OpenAI's retry-after-ms. */
function retryAfter(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get("retry-after-ms") ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms / 1000;
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}
