// The Storage behind the progress store: the page's localStorage whenever it can be read, even
// when it is full (what is saved must stay visible), and an in-memory one only when the browser
// refuses access at all. See README.md ("Why localStorage") for why not IndexedDB.
import { STORAGE_PREFIX } from "./storage-keys";

/**
 * ok: reads and writes work; full: reads work, writes are refused for lack of room; read-only: reads
 * work, writes are refused for another reason; unavailable: not even reads (a memory stand-in is used).
 */
export type StorageState = "ok" | "full" | "read-only" | "unavailable";

/** A write refused because the storage is full (browsers name and number this differently). */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof DOMException)) return false;
  return (
    error.name === "QuotaExceededError" ||
    error.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
    error.code === 22 ||
    error.code === 1014
  );
}

/** A Storage kept in memory, for tests and for browsers that refuse localStorage; `quota` in characters. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();

  constructor(private readonly quota = Number.POSITIVE_INFINITY) {}

  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    const text = String(value);
    const previous = this.items.get(key);
    const used = this.used() - (previous === undefined ? 0 : key.length + previous.length);
    if (used + key.length + text.length > this.quota) {
      throw new DOMException(`The quota of ${this.quota} characters is used up.`, "QuotaExceededError");
    }
    this.items.set(key, text);
  }
  private used() {
    let total = 0;
    for (const [key, value] of this.items) total += key.length + value.length;
    return total;
  }
}

/**
 * The page's localStorage and what it allows. A full storage is still the real one: saved code,
 * completions and the home page's ticks keep showing, and export keeps working.
 */
export function browserStorage(): { storage: Storage; persistent: boolean; state: StorageState } {
  let storage: Storage;
  try {
    storage = window.localStorage;
    void storage.length; // throws where the browser blocks storage for this site
  } catch {
    return { storage: new MemoryStorage(), persistent: false, state: "unavailable" };
  }
  const probe = `${STORAGE_PREFIX}:probe`;
  try {
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return { storage, persistent: true, state: "ok" };
  } catch (error) {
    return { storage, persistent: true, state: isQuotaError(error) ? "full" : "read-only" };
  }
}

/** "12 KB", "1.4 MB": a size in characters, as a learner reads it (a character is about a byte here). */
export function formatSize(chars: number): string {
  if (chars < 1000) return `${chars} bytes`;
  if (chars < 1_000_000) return `${Math.round(chars / 1000)} KB`;
  return `${(chars / 1_000_000).toFixed(1)} MB`;
}
