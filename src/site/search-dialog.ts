// The search dialog: a modal <dialog> with a search field and the matching lessons, each with its
// best-matching sections, linked to their headings. Loaded on the first open (search-trigger.ts);
// its styles (search-dialog.css) come with the page's, from HeaderTools.astro.
import { loadPagefind, type PagefindResultData } from "./pagefind";
import { cacheSearchIndex } from "./offline";

const MAX_LESSONS = 8;
const MAX_SECTIONS = 3;

interface SearchView {
  dialog: HTMLDialogElement;
  input: HTMLInputElement;
  status: HTMLElement;
  list: HTMLOListElement;
}

let view: SearchView | undefined;
let returnFocus: HTMLElement | null = null;
let query = 0;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Pagefind's excerpts are text with <mark> around the matches: rebuilt as nodes, nothing else kept. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(excerpt, "text/html").body;
  return [...parsed.childNodes].map((node) =>
    node.nodeName === "MARK"
      ? element("mark", {}, node.textContent ?? "")
      : document.createTextNode(node.textContent ?? ""),
  );
}

/** "Lesson 6" from /lessons/06-the-flow/ (lesson slugs start with their number). */
function lessonLabel(url: string): string {
  const number = /\/lessons\/(\d+)-/.exec(url)?.[1];
  return number ? `Lesson ${Number(number)}` : "";
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const title = data.meta.title ?? data.url;
  const label = lessonLabel(data.url);
  const head = element(
    "a",
    { className: "search-lesson", href: data.url },
    ...(label ? [element("span", { className: "search-lesson-number" }, label)] : []),
    element("span", { className: "search-lesson-title" }, title),
  );
  // Sections: the headings under which the words were found, best match first (the part before the
  // first heading is the lesson's own link).
  const sections = data.sub_results
    .filter((sub) => sub.url !== data.url)
    .map((sub) => ({
      sub,
      score: sub.weighted_locations.reduce((sum, found) => sum + found.balanced_score, 0),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_SECTIONS)
    .map(({ sub }) => sub);
  const item = element("li", { className: "search-result" }, head);
  if (sections.length === 0) {
    item.append(element("p", { className: "search-excerpt" }, ...excerptNodes(data.excerpt)));
    return item;
  }
  const list = element("ul", { className: "search-sections" });
  for (const sub of sections) {
    list.append(
      element(
        "li",
        {},
        element(
          "a",
          { href: sub.url },
          element("span", { className: "search-section-title" }, sub.title),
          element("span", { className: "search-excerpt" }, ...excerptNodes(sub.excerpt)),
        ),
      ),
    );
  }
  item.append(list);
  return item;
}

async function search(current: SearchView, term: string): Promise<void> {
  const mine = ++query;
  const trimmed = term.trim();
  if (!trimmed) {
    current.list.replaceChildren();
    current.status.textContent = "";
    return;
  }
  try {
    const pagefind = await loadPagefind();
    const found = await pagefind.debouncedSearch(trimmed, {}, 150);
    if (!found || mine !== query) return; // superseded by a newer keystroke
    const data = await Promise.all(found.results.slice(0, MAX_LESSONS).map((result) => result.data()));
    if (mine !== query) return;
    current.list.replaceChildren(...data.map(resultItem));
    const count = found.results.length;
    current.status.textContent =
      count === 0
        ? `No lesson mentions “${trimmed}”.`
        : `${count} ${count === 1 ? "lesson" : "lessons"} found${count > MAX_LESSONS ? `, the first ${MAX_LESSONS} shown` : ""}.`;
  } catch (error) {
    if (mine !== query) return;
    console.error(error);
    current.list.replaceChildren();
    current.status.textContent = import.meta.env.DEV
      ? "Search works on the built site: run npm run build, then npm run preview."
      : "Search could not load. Check your connection and try again.";
  }
}

/**
 * Escape closes (in a search field Chrome would only clear it); up and down move between the field
 * and the result links; Enter in the field opens the first result.
 */
function onKeydown(current: SearchView, event: KeyboardEvent): void {
  if (event.key === "Escape") {
    event.preventDefault();
    current.dialog.close();
    return;
  }
  const links = [...current.list.querySelectorAll<HTMLAnchorElement>("a")];
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (event.key === "Enter" && event.target === current.input) {
    event.preventDefault();
    links[0]?.click();
  } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    const next = event.key === "ArrowDown" ? at + 1 : at - 1;
    if (next < 0) current.input.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  }
}

function createView(): SearchView {
  const input = element("input", {
    type: "search",
    id: "search-input",
    className: "site-button search-input",
    placeholder: "Search the lessons",
    autocomplete: "off",
    spellcheck: false,
  });
  const close = element("button", { type: "button", className: "site-button" }, "Close");
  const status = element("p", { className: "search-status" });
  status.setAttribute("role", "status");
  const list = element("ol", { className: "search-results" });
  const title = element("h2", { id: "search-title", className: "visually-hidden" }, "Search the course");
  const form = element(
    "div",
    { className: "search-bar" },
    element("label", { htmlFor: "search-input", className: "visually-hidden" }, "Search the lessons"),
    input,
    close,
  );
  form.setAttribute("role", "search");
  const dialog = element("dialog", { className: "search-dialog" }, title, form, status, list);
  dialog.setAttribute("aria-labelledby", "search-title");
  const current = { dialog, input, status, list };

  input.addEventListener("input", () => void search(current, input.value));
  dialog.addEventListener("keydown", (event) => onKeydown(current, event));
  close.addEventListener("click", () => dialog.close());
  // A click on the backdrop (outside the panel) closes, as Escape does.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  // A result on this same page only moves to its heading: close so the heading shows, and leave
  // focus to the link's target rather than the opener.
  list.addEventListener("click", (event) => {
    if (!(event.target instanceof Element && event.target.closest("a"))) return;
    returnFocus = null;
    dialog.close();
  });
  dialog.addEventListener("close", () => {
    returnFocus?.focus();
    returnFocus = null;
  });
  document.body.append(dialog);
  return current;
}

export function openSearchDialog(opener: HTMLElement | null): void {
  view ??= createView();
  if (view.dialog.open) {
    view.input.select();
    return;
  }
  returnFocus = opener;
  view.dialog.showModal();
  view.input.select();
  // Start loading the index while the learner types, and keep it for offline use.
  loadPagefind().catch(() => undefined);
  cacheSearchIndex();
}
