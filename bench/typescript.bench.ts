// Measures the editor's TypeScript on the built site (run `npm run build` first), in headless
// Chromium, on the lesson 6 exercise, and prints the figures against their targets:
//   - the sizes of what it loads after the editor opens (worker with the lib files, typescript.js);
//   - first diagnostics after the editor opens, with a warm cache (a learner's second visit) and a
//     cold one (first visit): from the editor on screen to the first error underlined;
//   - after a keystroke settles: from the key to the underline appearing (a typo makes an unknown
//     name) and disappearing (the typo undone), the lint delay included.
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, newContext } from "../e2e/browser.ts";
import { startPreview } from "../e2e/preview-server.ts";

const ROOT = new URL("..", import.meta.url);
const EXERCISE = "06-the-flow";
const LESSON = `/lessons/${EXERCISE}/`;
const SOLUTION = readFileSync(new URL(`exercises/${EXERCISE}/solution/pocketflow.ts`, ROOT), "utf8");
const OPENS = Number(process.env.BENCH_OPENS ?? 5);
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 10);
const TARGETS = { openWarmMs: 1500, keystrokeMs: 300 };

// At the top of the file: CodeMirror draws only the lines in view, underlines included.
/** The learner's saved code: the solution with one type error, so the editor opens on an error. */
const WITH_ERROR = `const retries: number = "three";\n${SOLUTION}`;
/** A name, then a line using it; typing one letter after it makes it unknown. */
const PROBE = `const one = 1;\nexport const probe: number = one;\n${SOLUTION}`;

/** In the page: when the editor appears and when the error count in the editor changes. */
function instrument() {
  const marks = { editorAt: 0, firstErrorAt: 0, keyAt: 0, changes: [] as { at: number; errors: number }[] };
  (window as unknown as { __marks: typeof marks }).__marks = marks;
  document.addEventListener("keydown", () => (marks.keyAt = performance.now()), true);
  let errors = 0;
  new MutationObserver(() => {
    if (!marks.editorAt && document.querySelector(".cm-editor")) marks.editorAt = performance.now();
    const now = document.querySelectorAll(".cm-content .cm-lintRange-error").length;
    if (now > 0 && !marks.firstErrorAt) marks.firstErrorAt = performance.now();
    if (now !== errors) marks.changes.push({ at: performance.now(), errors: (errors = now) });
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

type Marks = {
  editorAt: number;
  firstErrorAt: number;
  keyAt: number;
  changes: { at: number; errors: number }[];
};
const marks = (page: Page) => page.evaluate(() => (window as unknown as { __marks: Marks }).__marks);

async function saveCode(context: BrowserContext, base: string, code: string) {
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.evaluate(
    ({ slug, code }) =>
      localStorage.setItem(
        `build-pocketflow:exercise:${slug}`,
        JSON.stringify({
          version: 1,
          slug,
          lesson: slug,
          files: { "pocketflow.ts": code },
          hintsRevealed: 0,
          updatedAt: new Date().toISOString(),
        }),
      ),
    { slug: EXERCISE, code },
  );
  await page.close();
}

/** With saved code, the workspace opens by itself once the panel is in view, as a learner scrolls. */
async function openSaved(page: Page, base: string) {
  await page.goto(base + LESSON);
  await page.locator("[data-workspace]").scrollIntoViewIfNeeded();
  await page.getByRole("textbox", { name: "Code editor: pocketflow.ts" }).waitFor({ timeout: 60_000 });
}

/** Opens the lesson's editor on the saved code; resolves with ms from editor to first underline. */
async function openToFirstError(context: BrowserContext, base: string): Promise<number> {
  const page = await context.newPage();
  await openSaved(page, base);
  await page.locator(".cm-content .cm-lintRange-error").first().waitFor({ timeout: 60_000 });
  const { editorAt, firstErrorAt } = await marks(page);
  await page.close();
  return firstErrorAt - editorAt;
}

async function openTimes(browser: Browser, base: string) {
  const cold = await newContext(browser);
  await cold.addInitScript(instrument);
  await saveCode(cold, base, WITH_ERROR);
  const coldMs = await openToFirstError(cold, base); // nothing cached yet
  const warm: number[] = [];
  for (let i = 0; i < OPENS; i++) warm.push(await openToFirstError(cold, base)); // same profile: cached
  await cold.close();
  return { coldMs, warm: warm.sort((a, b) => a - b) };
}

/** Waits until the editor's error count becomes `errors`; ms from the last key to that change. */
async function untilErrors(page: Page, errors: number): Promise<number> {
  await page.waitForFunction(
    (want) => document.querySelectorAll(".cm-content .cm-lintRange-error").length === want,
    errors,
    { timeout: 10_000 },
  );
  const { keyAt, changes } = await marks(page);
  const change = changes.findLast((entry) => entry.errors === errors && entry.at >= keyAt);
  return (change?.at ?? Number.NaN) - keyAt;
}

async function keystrokeTimes(browser: Browser, base: string) {
  const context = await newContext(browser);
  await context.addInitScript(instrument);
  await saveCode(context, base, PROBE);
  const page = await context.newPage();
  await openSaved(page, base);
  await page.locator("[data-workspace][data-typescript=ready]").waitFor({ timeout: 60_000 });
  // The cursor after `one` on the probe line, the last line with code.
  await page.locator(".cm-line", { hasText: "export const probe" }).click();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft"); // before the `;`
  await page.waitForTimeout(500); // let the first check of the file settle
  const appear: number[] = [];
  const clear: number[] = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type("x"); // `onex`: an unknown name
    appear.push(await untilErrors(page, 1));
    await page.keyboard.press("Backspace");
    clear.push(await untilErrors(page, 0));
  }
  await context.close();
  return { appear: appear.sort((a, b) => a - b), clear: clear.sort((a, b) => a - b) };
}

function assetSizes() {
  const manifest = JSON.parse(readFileSync(new URL("dist/typescript-assets.json", ROOT), "utf8")) as {
    files: string[];
  };
  return manifest.files.map((file) => {
    const body = readFileSync(new URL(`dist${file}`, ROOT));
    return { file, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
const ms = (value: number) => `${Math.round(value)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? "ok" : "OVER");
const row = (label: string, value: string) => console.log(`${label.padEnd(60)}${value}`);

/** A fixed piece of work in the page, timed: how fast this machine is right now (it is shared). */
async function calibration(browser: Browser): Promise<number> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    times.push(
      await page.evaluate(() => {
        const start = performance.now();
        const words: string[] = [];
        for (let n = 0; n < 200_000; n++) words.push(`w${(n * 7919) % 1000}`);
        words.sort();
        return performance.now() - start;
      }),
    );
  }
  await context.close();
  return median(times.sort((a, b) => a - b));
}

const server = await startPreview(new URL(".", ROOT).pathname);
const browser = await launchChromium();
try {
  const load = loadavg()
    .map((value) => value.toFixed(1))
    .join(", ");
  console.log(`TypeScript in the editor: ${LESSON}`);
  console.log(
    `Machine: ${availableParallelism()} cores, load average ${load}; calibration ${ms(await calibration(browser))}\n`,
  );
  for (const { file, raw, gzip } of assetSizes())
    row(`  ${file.split("/").at(-1)}`, `${kb(gzip)} gz (${kb(raw)} raw)`);
  const opens = await openTimes(browser, server.url);
  const keys = await keystrokeTimes(browser, server.url);
  console.log("");
  row("First diagnostics after the editor opens, cold cache", ms(opens.coldMs));
  row(
    `First diagnostics after the editor opens, warm: median of ${opens.warm.length}`,
    ms(median(opens.warm)),
  );
  row(`  target ≤ ${TARGETS.openWarmMs} ms`, verdict(median(opens.warm) <= TARGETS.openWarmMs));
  row("  all warm opens (ms)", opens.warm.map(Math.round).join(", "));
  row(`Keystroke → error underlined: median of ${keys.appear.length}`, ms(median(keys.appear)));
  row(`Keystroke → error cleared: median of ${keys.clear.length}`, ms(median(keys.clear)));
  row(
    `  target ≤ ${TARGETS.keystrokeMs} ms`,
    `${verdict(median(keys.appear) <= TARGETS.keystrokeMs)} underlined, ${verdict(median(keys.clear) <= TARGETS.keystrokeMs)} cleared`,
  );
  row("  all (ms), underlined", keys.appear.map(Math.round).join(", "));
  row("  all (ms), cleared", keys.clear.map(Math.round).join(", "));
} finally {
  await browser.close();
  await server.stop();
}
