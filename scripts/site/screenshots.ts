// Screenshots of the built site in Chromium, light and dark, wide (1280×800) and narrow (390×844),
// into .cache/screenshots/ (or the folder given): for looking at a change before calling it done.
// `npm run build`, then `npx tsx scripts/site/screenshots.ts [folder] [path …]`.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../e2e/browser";
import { startPreview } from "../../e2e/preview-server";

const root = fileURLToPath(new URL("../..", import.meta.url));
const [folder = join(root, ".cache", "screenshots"), ...asked] = process.argv.slice(2);
const paths = asked.length > 0 ? asked : ["/", "/lessons/06-the-flow/", "/no-such-page/"];
const sizes = { wide: { width: 1280, height: 800 }, narrow: { width: 390, height: 844 } };

mkdirSync(folder, { recursive: true });
const server = await startPreview(root);
const browser = await launchChromium();
try {
  for (const scheme of ["light", "dark"] as const) {
    for (const [sizeName, viewport] of Object.entries(sizes)) {
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(server.url + path);
        const name = `${path.replace(/^\/|\/$/g, "").replaceAll("/", "_") || "home"}-${sizeName}-${scheme}.png`;
        await page.screenshot({ path: join(folder, name) });
        console.log(join(folder, name));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
