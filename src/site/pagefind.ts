// The slice of Pagefind's browser API (dist/pagefind/pagefind.js, written by the build) that the
// search dialog uses, loaded on the first search and never bundled: the index is built after Vite runs.

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  /** Where the words were found in this section, with their scores. */
  weighted_locations: { balanced_score: number }[];
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: PagefindSubResult[];
}

interface PagefindResult {
  data(): Promise<PagefindResultData>;
}

interface PagefindModule {
  options(options: { excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  /** Resolves to null when a newer call supersedes this one. */
  debouncedSearch(
    term: string,
    options?: object,
    wait?: number,
  ): Promise<{ results: PagefindResult[] } | null>;
}

export const PAGEFIND_URL = "/pagefind/pagefind.js";

let loading: Promise<PagefindModule> | undefined;

export function loadPagefind(): Promise<PagefindModule> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ PAGEFIND_URL)) as PagefindModule;
    await pagefind.options({ excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })().catch((error: unknown) => {
    loading = undefined; // the next search tries again
    throw error;
  });
  return loading;
}
