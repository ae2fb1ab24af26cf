// Debian's Chromium driven by playwright-core: no browser download. CHROMIUM_PATH overrides.
import { chromium, type Browser, type BrowserContext } from "playwright-core";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** A fresh profile (empty localStorage) per test; `colorScheme` for dark-mode checks. */
export function newContext(
  browser: Browser,
  colorScheme: "light" | "dark" = "light",
): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
}
