// A picture of the shared store at one moment: plain, JSON-safe data that later changes to the store
// cannot touch, so two pictures can be compared (diff.ts) and sent anywhere (a file, a worker message).

/** Plain data: what JSON can hold. Values JSON cannot hold become markers (see `marker`). */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** A value shown as text rather than copied: a function, `undefined`, a cycle, a Map, a cut-off part. */
export type Marker = { "~": string };

export const marker = (text: string): Marker => ({ "~": text });

export function isMarker(value: Plain | undefined): value is Marker {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof value["~"] === "string" &&
    Object.keys(value).length === 1
  );
}

export interface SnapshotOptions {
  /** Nesting below this depth is shown as `{…}` or `[…]`. */
  maxDepth?: number;
  /** Array items and object keys past this count are summarised as `… N more`. */
  maxItems?: number;
  /** Strings longer than this are cut, with their full length noted. */
  maxString?: number;
}

const LIMITS: Required<SnapshotOptions> = { maxDepth: 8, maxItems: 200, maxString: 20_000 };

/** Copies `value` into plain data, depth- and size-limited, without ever calling the learner's code. */
export function snapshot(value: unknown, options: SnapshotOptions = {}): Plain {
  const limits = { ...LIMITS, ...options };
  const seen = new Set<object>();

  const take = (current: unknown, depth: number): Plain => {
    switch (typeof current) {
      case "string":
        return current.length <= limits.maxString
          ? current
          : `${current.slice(0, limits.maxString)}… (${current.length} characters)`;
      case "number":
        return Number.isFinite(current) ? current : marker(String(current));
      case "boolean":
        return current;
      case "undefined":
        return marker("undefined");
      case "bigint":
        return marker(`${current}n`);
      case "symbol":
        return marker(current.toString());
      case "function":
        return marker(`ƒ ${current.name || "anonymous"}`);
    }
    if (current === null) return null;
    const object = current as object;
    if (seen.has(object)) return marker("[Circular]");
    if (object instanceof Date)
      return marker(`Date ${Number.isNaN(+object) ? "Invalid" : object.toISOString()}`);
    if (object instanceof Error) return marker(`${object.name}: ${object.message}`);
    if (object instanceof Map) return marker(`Map(${object.size})`);
    if (object instanceof Set) return marker(`Set(${object.size})`);
    if (object instanceof Promise) return marker("Promise");
    if (depth >= limits.maxDepth) return marker(Array.isArray(object) ? "[…]" : "{…}");
    seen.add(object);
    try {
      if (Array.isArray(object)) {
        const items = object.slice(0, limits.maxItems).map((item: unknown) => take(item, depth + 1));
        if (object.length > limits.maxItems) items.push(marker(`… ${object.length - limits.maxItems} more`));
        return items;
      }
      const result: { [key: string]: Plain } = {};
      const keys = Object.keys(object);
      for (const key of keys.slice(0, limits.maxItems)) {
        // A getter could run the learner's code or throw: show it without reading it.
        const descriptor = Object.getOwnPropertyDescriptor(object, key);
        result[key] = descriptor && "value" in descriptor ? take(descriptor.value, depth + 1) : marker("get");
      }
      if (keys.length > limits.maxItems) result["…"] = marker(`${keys.length - limits.maxItems} more keys`);
      return result;
    } finally {
      seen.delete(object);
    }
  };

  return take(value, 0);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `key` as it would follow an object in code: `.name`, or `["two words"]`. */
export const keyPath = (path: string, key: string) =>
  IDENTIFIER.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

/** Plain data as one line of JavaScript-like text, cut at `maxLength` characters with an ellipsis. */
export function formatPlain(value: Plain, maxLength = 120): string {
  const write = (current: Plain): string => {
    if (isMarker(current)) return current["~"];
    if (Array.isArray(current)) return current.length === 0 ? "[]" : `[${current.map(write).join(", ")}]`;
    if (current !== null && typeof current === "object") {
      const entries = Object.entries(current).map(
        ([key, item]) => `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${write(item)}`,
      );
      return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
    }
    return JSON.stringify(current);
  };
  const text = write(value);
  return text.length <= maxLength ? text : `${text.slice(0, Math.max(1, maxLength - 1))}…`;
}
