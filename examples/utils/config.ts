// Provider settings come from the environment, so any OpenAI-compatible server works unchanged.
import { ConfigError } from "./errors";

export type Env = Record<string, string | undefined>;

export interface LlmConfig {
  /** A placeholder when no key is set: local servers (Ollama, LM Studio, vLLM) need none. */
  apiKey: string;
  baseURL: string;
  model: string;
  /** Undefined when no embeddings model is known: RAG then falls back to full-text retrieval. */
  embeddingModel: string | undefined;
  /** Seconds before the first retry of a rate-limited or failed call; later retries wait longer. */
  retryWait: number;
  /**
   * Seconds of silence after which a call is given up (and retried): before the first byte of an
   * answer, and between two pieces of a streamed one.
   */
  timeoutSeconds: number;
}

export const OPENAI_URL = "https://api.openai.com/v1";
const DEFAULT_MODEL = "gpt-4o-mini";
const DEFAULT_EMBEDDING_MODEL = "text-embedding-3-small";
const NO_KEY = "not-needed";
const DEFAULT_TIMEOUT_SECONDS = 60;

/** The message for a run with nothing configured; `example` goes into the commands it suggests. */
export function missingConfigMessage(example = "chatbot"): string {
  return [
    "No LLM provider is configured. Set environment variables for one of these:",
    "",
    "  Free and local, with Ollama (https://ollama.com):",
    "    1. install Ollama, then: ollama pull llama3.2",
    `    2. OPENAI_BASE_URL=http://localhost:11434/v1 LLM_MODEL=llama3.2 npm run example -- ${example}`,
    "",
    "  OpenAI:",
    `    OPENAI_API_KEY=sk-... npm run example -- ${example}      (LLM_MODEL defaults to ${DEFAULT_MODEL})`,
    "",
    "  Any other OpenAI-compatible server (LM Studio, vLLM, OpenRouter, ...):",
    "    OPENAI_BASE_URL=<its /v1 URL>  LLM_MODEL=<model name>  OPENAI_API_KEY=<key, if it needs one>",
    "",
    "Optional: EMBEDDING_MODEL (for rag, e.g. nomic-embed-text on Ollama), LLM_RETRY_WAIT (seconds, default 1),",
    `LLM_TIMEOUT_SECONDS (how long to wait for the provider, default ${DEFAULT_TIMEOUT_SECONDS}).`,
  ].join("\n");
}

/** Reads the provider settings, or throws a ConfigError that says what to set. */
export function loadConfig(env: Env, example?: string): LlmConfig {
  const apiKey = env.OPENAI_API_KEY?.trim() || undefined;
  const baseURL = env.OPENAI_BASE_URL?.trim() || undefined;
  const model = env.LLM_MODEL?.trim() || undefined;
  if (!apiKey && !baseURL) throw new ConfigError(missingConfigMessage(example));

  if (baseURL && !URL.canParse(baseURL)) {
    throw new ConfigError(`OPENAI_BASE_URL is not a URL: '${baseURL}'. Example: http://localhost:11434/v1`);
  }
  // OpenAI's own models have sensible defaults; another server's model names are anyone's guess.
  const custom = baseURL !== undefined && baseURL.replace(/\/+$/, "") !== OPENAI_URL;
  if (custom && !model) {
    throw new ConfigError(
      `OPENAI_BASE_URL is set (${baseURL}) but LLM_MODEL is not. Set LLM_MODEL to a model that server ` +
        "serves, e.g. LLM_MODEL=llama3.2 for Ollama (after `ollama pull llama3.2`).",
    );
  }

  const retryWait = Number(env.LLM_RETRY_WAIT ?? "1");
  if (!Number.isFinite(retryWait) || retryWait < 0) {
    throw new ConfigError(`LLM_RETRY_WAIT must be a number of seconds, got '${env.LLM_RETRY_WAIT}'.`);
  }
  const timeoutSeconds = Number(env.LLM_TIMEOUT_SECONDS?.trim() || DEFAULT_TIMEOUT_SECONDS);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new ConfigError(
      `LLM_TIMEOUT_SECONDS must be a number of seconds above 0, got '${env.LLM_TIMEOUT_SECONDS}'.`,
    );
  }

  return {
    apiKey: apiKey ?? NO_KEY,
    baseURL: baseURL ?? OPENAI_URL,
    model: model ?? DEFAULT_MODEL,
    embeddingModel: env.EMBEDDING_MODEL?.trim() || (custom ? undefined : DEFAULT_EMBEDDING_MODEL),
    retryWait,
    timeoutSeconds,
  };
}
