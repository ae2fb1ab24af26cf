// The one place that talks to the provider: chat (optionally streamed) and embeddings, via the openai SDK.
// Every call runs under a watch for silence (LLM_TIMEOUT_SECONDS), and what comes back is checked
// (provider-reply.ts) before anything reads it; every failure leaves as an LlmError (explain.ts).
import OpenAI, { APIConnectionTimeoutError } from "openai";
import type { LlmConfig } from "./config";
import { Interrupted, LlmError } from "./errors";
import { explain, explainStreamError } from "./explain";
import {
  brokenConnection,
  chatText,
  embeddingVectors,
  parseBody,
  readBody,
  SilenceWatch,
  streamPiece,
} from "./provider-reply";
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
  const { baseURL, timeoutSeconds } = config;
  const client = new OpenAI({
    apiKey: config.apiKey,
    baseURL,
    // The node's retry loop decides about retries, not the SDK behind its back.
    maxRetries: 0,
    // The SDK's own limit (until the headers arrive) matches the silence watch, which covers the body.
    timeout: timeoutSeconds * 1000,
    // Every failure is explained here; the SDK's console lines would only repeat it, less clearly.
    logLevel: "off",
  });
  const policy = { baseWait: config.retryWait, log };

  /** One attempt under a silence watch; a failure comes out explained and steers the node's retries. */
  async function attempt<T>(
    model: string,
    variable: string,
    retry: RetryState | undefined,
    work: (signal: AbortSignal, watch: SilenceWatch) => Promise<T>,
  ): Promise<T> {
    const watch = new SilenceWatch(timeoutSeconds * 1000);
    try {
      return await work(signal ? AbortSignal.any([signal, watch.signal]) : watch.signal, watch);
    } catch (error) {
      let explained: Error;
      if (signal?.aborted) explained = new Interrupted();
      else if (watch.expired || error instanceof APIConnectionTimeoutError) {
        const message = `The provider at ${baseURL} did not answer within ${timeoutSeconds} s (LLM_TIMEOUT_SECONDS).`;
        explained = new LlmError(message, true);
      } else explained = explain(error, baseURL, model, variable);
      throw retry ? steerRetry(retry, explained, policy) : explained;
    } finally {
      watch.stop();
    }
  }

  /** A whole JSON answer, read under the watch and parsed, with the URL it came from. */
  async function readJson(response: Response, watch: SilenceWatch, path: string) {
    const url = response.url || baseURL + path;
    const text = await readBody(response, watch, baseURL);
    return { data: parseBody(text, response.headers.get("content-type") ?? "", url), url };
  }

  /** A streamed answer, piece by piece; it must end with the model saying it is done. */
  async function readStream(
    stream: AsyncIterable<unknown>,
    url: string,
    watch: SilenceWatch,
    onToken: (text: string) => void,
  ): Promise<string> {
    let text = "";
    let finished = false;
    try {
      for await (const event of stream) {
        watch.heard();
        const { piece, finished: done } = streamPiece(event, url);
        finished ||= done;
        if (piece) {
          text += piece;
          onToken(piece);
        }
      }
    } catch (error) {
      throw explainStreamError(error, baseURL, url);
    }
    // The SDK ends an aborted stream quietly: `attempt` tells a timeout from Ctrl+C.
    if (watch.signal.aborted || signal?.aborted) throw new Error("aborted");
    if (!finished) throw brokenConnection(baseURL);
    return text;
  }

  return {
    model: config.model,
    embeddingModel: config.embeddingModel,

    chat(input, { retry, onToken } = {}) {
      const messages = typeof input === "string" ? [{ role: "user" as const, content: input }] : input;
      const { model } = config;
      const path = "/chat/completions";
      return attempt(model, "LLM_MODEL", retry, async (callSignal, watch) => {
        if (!onToken) {
          const response = await client.chat.completions
            .create({ model, messages }, { signal: callSignal })
            .asResponse();
          const { data, url } = await readJson(response, watch, path);
          return chatText(data, url);
        }
        const { data: stream, response } = await client.chat.completions
          .create({ model, messages, stream: true }, { signal: callSignal })
          .withResponse();
        if ((response.headers.get("content-type") ?? "").includes("text/event-stream")) {
          return readStream(stream, response.url || baseURL + path, watch, onToken);
        }
        // A server that ignores `stream` answers in one piece: fine, if it is an answer.
        const { data, url } = await readJson(response, watch, path);
        const text = chatText(data, url);
        if (text) onToken(text);
        return text;
      });
    },

    embed(texts, { retry } = {}) {
      const model = config.embeddingModel;
      if (!model) {
        return Promise.reject(new LlmError("No embeddings model is configured: set EMBEDDING_MODEL.", false));
      }
      return attempt(model, "EMBEDDING_MODEL", retry, async (callSignal, watch) => {
        // "float": every OpenAI-compatible server speaks it (the SDK would otherwise ask for base64).
        const response = await client.embeddings
          .create({ model, input: texts, encoding_format: "float" }, { signal: callSignal })
          .asResponse();
        const { data, url } = await readJson(response, watch, "/embeddings");
        return embeddingVectors(data, url, texts.length);
      });
    },
  };
}
