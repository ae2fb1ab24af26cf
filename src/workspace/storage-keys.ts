// localStorage keys of the course's progress, in their own module so the page-load loader can check
// for saved progress without pulling in the store.

export const STORAGE_PREFIX = "build-pocketflow";

const RECORD_PREFIX = `${STORAGE_PREFIX}:exercise:`;
const SET_ASIDE_PREFIX = `${STORAGE_PREFIX}:set-aside:`;

/** The key of one exercise's progress record. */
export const recordKey = (slug: string) => RECORD_PREFIX + slug;

/** The exercise slug of a record key, or undefined for other keys. */
export const slugOfKey = (key: string) =>
  key.startsWith(RECORD_PREFIX) ? key.slice(RECORD_PREFIX.length) : undefined;

/** Where an unreadable record is moved, stamped so that several can be kept. */
export const setAsideKey = (slug: string, when: Date) => `${SET_ASIDE_PREFIX}${slug}:${when.toISOString()}`;

export const isSetAsideKey = (key: string) => key.startsWith(SET_ASIDE_PREFIX);
