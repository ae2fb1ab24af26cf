// SDK errors turned into LlmErrors whose message says what happened and what to fix.
import { APIConnectionError, APIError, APIUserAbortError } from "openai";
import { Interrupted, LlmError } from "./errors";
import { brokenConnection, notAReply } from "./provider-reply";

/** Turns an SDK error into an LlmError whose message says what happened and what to fix. */
export function explain(error: unknown, baseURL: string, model: string, variable: string): Error {
  if (error instanceof APIUserAbortError) return new Interrupted();
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

/** What broke a stream after it started: an event that is not JSON, an error event, or the connection. */
export function explainStreamError(error: unknown, baseURL: string, url: string): Error {
  if (error instanceof LlmError) return error;
  if (error instanceof SyntaxError) return notAReply(url, "a stream event that is not JSON");
  if (error instanceof APIError && error.status === undefined) {
    return new LlmError(
      `The provider reported an error in the middle of the answer: ${error.message}.`,
      true,
    );
  }
  return brokenConnection(baseURL);
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
