// The header's theme switch: a popover of three radio buttons (light, dark, system).
import { chooseTheme, currentThemeChoice, followThemeChanges, type ThemeChoice } from "./theme";

/** Puts the popover under the button's right end (CSS anchor positioning is not in every browser yet). */
function placeUnder(menu: HTMLElement, button: HTMLElement): void {
  const box = button.getBoundingClientRect();
  menu.style.top = `${box.bottom + 6}px`;
  menu.style.right = `${Math.max(8, document.documentElement.clientWidth - box.right)}px`;
}

export function initThemeSwitch(root: ParentNode = document): void {
  const radios = [...root.querySelectorAll<HTMLInputElement>("input[data-theme-choice]")];
  const button = root.querySelector<HTMLElement>("[data-theme-button]");
  const menu = root.querySelector<HTMLElement>("[data-theme-menu]");
  menu?.addEventListener("beforetoggle", () => button && placeUnder(menu, button));
  const show = () => {
    const choice = currentThemeChoice();
    for (const radio of radios) radio.checked = radio.value === choice;
    button?.setAttribute("title", `Theme: ${choice}`);
  };
  for (const radio of radios) {
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      chooseTheme(radio.value as ThemeChoice);
      show();
    });
  }
  followThemeChanges(show);
  show();
}
