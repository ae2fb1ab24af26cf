// A promise with a deadline: it rejects once `ms` pass, with `expiry` (a message, or the error to
// throw), and never leaves its timer running. Pure: no DOM, no Node.
export function within<T>(promise: Promise<T>, ms: number, expiry: string | (() => Error)): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(typeof expiry === "string" ? new Error(expiry) : expiry()), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
