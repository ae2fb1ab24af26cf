// Opens the search dialog from the header's button, `/` (outside text fields) and Ctrl/Cmd+K. The
// dialog's code and Pagefind's index load on the first open, never with the page.

type SearchDialog = typeof import("./search-dialog");
let dialog: Promise<SearchDialog> | undefined;

function openSearch(opener: HTMLElement | null): void {
  dialog ??= import("./search-dialog");
  dialog
    .then(({ openSearchDialog }) => openSearchDialog(opener))
    .catch((error: unknown) => {
      dialog = undefined; // try again next time
      console.error(error);
    });
}

/** True where `/` is something the learner types: text fields, the code editor. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches("input, textarea, select");
}

export function initSearchTrigger(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLElement>("[data-search-open]")) {
    button.addEventListener("click", () => openSearch(button));
  }
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey) return;
    const modK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k";
    const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !isTyping(event.target);
    if (!modK && !slash) return;
    event.preventDefault();
    openSearch(document.activeElement instanceof HTMLElement ? document.activeElement : null);
  });
}
