// One Chromium per test file and a fresh profile (context) and page per test, for e2e files whose
// tests must not share storage. Call at a file's top level; read `.page` inside the tests.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { launchChromium, newContext } from "./browser";

export function freshPagePerTest(): { readonly page: Page; readonly browser: Browser } {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => (browser = await launchChromium()));
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    if (!browser) throw new Error("no browser");
    context = await newContext(browser);
    page = await context.newPage();
  });
  afterEach(async () => context?.close());
  return {
    get page() {
      if (!page) throw new Error("no page outside a test");
      return page;
    },
    get browser() {
      if (!browser) throw new Error("no browser outside a test");
      return browser;
    },
  };
}
