// Small helpers every part that reads untrusted data or writes a sentence shares. Pure.

/** A plain object (not null, not an array): what a checked message or record must be first. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** "1 test", "3 tests": a count with its noun. */
export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;
