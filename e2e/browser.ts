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

/** A fresh profile (empty localStorage) per test; `colorScheme` for dark-mode checks; a phone is 390 px wide. */
export function newContext(
  browser: Browser,
  colorScheme: "light" | "dark" = "light",
  width = 1280,
): Promise<BrowserContext> {
  const viewport = width < 600 ? { width, height: 844 } : { width, height: 900 };
  return browser.newContext({ viewport, colorScheme });
}
