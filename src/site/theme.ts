// Light, dark or the system's: the learner's choice, saved in localStorage. The page's colours
// follow <html data-theme> (global.css); this module sets it, both from the inline head script
// (before the first paint) and from the header's theme switch.
import { STORAGE_PREFIX } from "../workspace/storage-keys";

export const THEME_KEY = `${STORAGE_PREFIX}:theme`;

export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const isChoice = (value: unknown): value is ThemeChoice =>
  (THEME_CHOICES as readonly unknown[]).includes(value);

/**
 * Sets <html data-theme> to "light" or "dark" from the saved choice and the system setting, and
 * <html data-theme-choice> to the choice (the header's icon shows it). Self-contained (no imports, no
 * closures), because its source text is also the inline head script.
 */
export function applyTheme(key: string, fallback?: string): void {
  let choice: string | null | undefined = fallback;
  try {
    choice ??= localStorage.getItem(key);
  } catch {
    // Storage blocked: follow the system.
  }
  if (choice !== "light" && choice !== "dark") choice = "system";
  const root = document.documentElement;
  root.dataset.themeChoice = choice;
  root.dataset.theme =
    choice === "system" ? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light") : choice;
}

/** The inline head script: the theme applied before the first paint, so a dark page never flashes white. */
export const themeBootScript = `(${applyTheme.toString()})(${JSON.stringify(THEME_KEY)})`;

/** The choice on screen (set by applyTheme). */
export function currentThemeChoice(): ThemeChoice {
  const value = document.documentElement.dataset.themeChoice;
  return isChoice(value) ? value : "system";
}

/** Saves the choice (where storage allows: else it lasts for this page) and applies it at once. */
export function chooseTheme(choice: ThemeChoice): void {
  try {
    if (choice === "system") localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage blocked or full.
  }
  applyTheme(THEME_KEY, choice);
}

/** Keeps the page in step when the system switches (while the choice is "system") or another tab chooses. */
export function followThemeChanges(onChange: () => void): void {
  const reapply = () => {
    applyTheme(THEME_KEY, document.documentElement.dataset.themeChoice);
    onChange();
  };
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", reapply);
  addEventListener("storage", (event) => {
    if (event.key !== THEME_KEY && event.key !== null) return;
    applyTheme(THEME_KEY);
    onChange();
  });
}
