// How an LLM failure steers the node's own retry loop (the SDK's retries are switched off).
//
// The core retries exec up to `maxRetries` attempts, sleeping `wait` seconds in between, and reads
// both fields only after an attempt has failed. So a failed call can tune them for the attempt to come:
//  - 429, 5xx, timeouts: set `wait` to what the server asked for (Retry-After), else to an exponential
//    backoff (base, 2·base, 4·base, ... capped), and let the node try again;
//  - anything else (401 bad key, 404 unknown model, 400): make this attempt the last one, so the node
//    goes straight to execFallback, where examples re-throw such errors (see `isFatal`).
// Flows run copies of nodes, so these changes never leak into the graph you built.
import { Interrupted, LlmError } from "./errors";

/** The retry fields every core Node has. */
export interface RetryState {
  curRetry: number;
  maxRetries: number;
  wait: number;
}

/** Longest wait between two attempts, in seconds, whatever the server asks. */
export const MAX_WAIT = 30;

export interface RetryPolicy {
  /** Seconds before the first retry. */
  baseWait: number;
  /** Told about each retry, e.g. to print "rate limited, retrying in 2s". */
  log?: (line: string) => void;
}

/** Adjusts `node` for the failure and returns the error the attempt should throw. */
export function steerRetry(node: RetryState, error: Error, policy: RetryPolicy): Error {
  const attempt = node.curRetry + 1;
  if (error instanceof Interrupted || !(error instanceof LlmError) || !error.retryable) {
    node.maxRetries = attempt; // fail fast: no attempt is left, execFallback runs now
    return error;
  }
  if (attempt >= node.maxRetries) {
    return new LlmError(`${error.message} Gave up after ${attempt} attempts.`, true, undefined, error.status);
  }
  node.wait = Math.min(MAX_WAIT, error.retryAfter ?? policy.baseWait * 2 ** node.curRetry);
  policy.log?.(
    `  ${error.message} Retrying in ${node.wait}s (attempt ${attempt + 1} of ${node.maxRetries}).`,
  );
  return error;
}
