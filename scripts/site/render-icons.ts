// Renders public/favicon.svg to the PNG icons beside it (the favicon fallback, the Apple touch icon and
// the web app manifest's icons) in Chromium. Run after changing the SVG: `npx tsx scripts/site/render-icons.ts`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../e2e/browser";

const publicDir = fileURLToPath(new URL("../../public/", import.meta.url));
const svg = readFileSync(`${publicDir}favicon.svg`, "utf8");

/** File name → edge in pixels, and a backdrop for icons that must be opaque (iOS paints corners black). */
const ICONS: Record<string, { size: number; backdrop?: string }> = {
  "favicon.png": { size: 48 },
  "apple-touch-icon.png": { size: 180, backdrop: "#0b5cad" },
  "icon-192.png": { size: 192 },
  "icon-512.png": { size: 512 },
};

const browser = await launchChromium();
try {
  for (const [name, { size, backdrop = "transparent" }] of Object.entries(ICONS)) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
    await page.setContent(
      `<style>html,body{margin:0;background:${backdrop}}</style><img src="${dataUrl}" width="${size}" height="${size}">`,
    );
    await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: `${publicDir}${name}`, omitBackground: backdrop === "transparent" });
    await page.close();
    console.log(`public/${name}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
