// The failures an example reports to the user as one clear line, instead of a stack trace.

/** Nothing (or something invalid) is configured: the message says exactly what to set. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Bad command-line arguments: the message includes the usage line. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * A failed call to the LLM provider, already explained for a human.
 * `retryable` errors (429, 5xx, timeouts) are retried by the node; the others fail fast.
 */
export class LlmError extends Error {
  override name = "LlmError";
  constructor(
    message: string,
    readonly retryable: boolean,
    /** Seconds the server asked us to wait (Retry-After), if it said. */
    readonly retryAfter?: number,
    /** The HTTP status, when the server answered at all. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The model answered, but not in the shape we asked for: the node retries, then falls back. */
export class MalformedOutput extends Error {
  override name = "MalformedOutput";
}

/** The user pressed Ctrl+C (or the run was aborted): stop quietly. */
export class Interrupted extends Error {
  override name = "Interrupted";
  constructor() {
    super("Interrupted.");
  }
}

/** Errors that must not be swallowed by an execFallback: retrying or substituting cannot fix them. */
export const isFatal = (error: unknown): boolean =>
  error instanceof Interrupted || (error instanceof LlmError && !error.retryable);
