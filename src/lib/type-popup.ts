// The type of a name in a code listing, shown when the pointer rests on it. The listings carry the
// types as data-type attributes (type-hovers.ts, at build time); this script, loaded with the
// lesson, draws one shared popup. The popup is decoration for pointer users: the names stay plain
// text, out of the tab order, and the popup is hidden from assistive technology.

const SHOW_DELAY_MS = 120;

let popup: HTMLElement | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let shownFor: Element | undefined;

function ensurePopup(): HTMLElement {
  if (popup) return popup;
  popup = document.createElement("div");
  popup.className = "type-popup";
  popup.setAttribute("aria-hidden", "true");
  popup.hidden = true;
  document.body.append(popup);
  return popup;
}

function hide(): void {
  clearTimeout(timer);
  shownFor = undefined;
  if (popup) popup.hidden = true;
}

function show(token: Element): void {
  const box = ensurePopup();
  box.textContent = token.getAttribute("data-type");
  box.hidden = false;
  shownFor = token;
  const anchor = token.getBoundingClientRect();
  const { width, height } = box.getBoundingClientRect();
  const left = Math.max(8, Math.min(anchor.left, window.innerWidth - width - 8));
  const below = anchor.bottom + 4;
  const top = below + height > window.innerHeight - 8 ? anchor.top - height - 4 : below;
  box.style.left = `${left}px`;
  box.style.top = `${Math.max(8, top)}px`;
}

const typedToken = (target: EventTarget | null) =>
  target instanceof Element ? target.closest(".code-region [data-type]") : null;

export function showTypesOnHover(): void {
  document.addEventListener("pointerover", (event) => {
    const token = typedToken(event.target);
    if (token === shownFor) return;
    hide();
    if (token) timer = setTimeout(() => show(token), SHOW_DELAY_MS);
  });
  document.addEventListener("pointerout", (event) => {
    if (typedToken(event.target) && !typedToken(event.relatedTarget)) hide();
  });
  document.addEventListener("keydown", (event) => event.key === "Escape" && hide());
  window.addEventListener("scroll", hide, { passive: true, capture: true });
}
