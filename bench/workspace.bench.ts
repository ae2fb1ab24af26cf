// Measures the exercise workspace on the built site (run `npm run build` first), in headless
// Chromium, on the lesson 6 exercise, and prints the figures against their targets:
//   - JavaScript a lesson page loads before the learner touches the workspace (raw and gzipped);
//   - Run tests → summary shown, cold (first run on the page) and warm (median of later runs).
// Cold is measured twice: pressing Run the moment the editor appears (the engine loads and boots
// inside the measurement), and after a pause like a learner's typing (the engine warmed up on focus).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { launchChromium, newContext } from "../e2e/browser.ts";
import { startPreview } from "../e2e/preview-server.ts";

const ROOT = new URL("..", import.meta.url);
const LESSON = "/lessons/06-the-flow/";
const SOLUTION = readFileSync(new URL("exercises/06-the-flow/solution/pocketflow.ts", ROOT), "utf8");
const WARM_RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TYPING_PAUSE_MS = 2000;
/** Between warm runs, as a learner reads the results and edits (the engine readies a fresh worker). */
const BETWEEN_RUNS_MS = Number(process.env.BENCH_PAUSE_MS ?? 1000);
const TARGETS = { coldMs: 300, warmMs: 100, pageJsGzipKb: 30 };

type Bytes = { raw: number; gzip: number; files: number };

/** Collects every JavaScript response of a page from now on, with its raw and gzipped size. */
function recordScripts(page: Page) {
  const sizes: Promise<{ raw: number; gzip: number }>[] = [];
  page.on("response", (response) => {
    const type = response.request().resourceType();
    // blob: is the worker started from text the page already fetched, not a second download.
    if (response.url().startsWith("blob:") || (type !== "script" && !response.url().endsWith(".js"))) return;
    sizes.push(
      response.body().then(
        (body) => ({ raw: body.length, gzip: gzipSync(body, { level: 9 }).length }),
        () => ({ raw: 0, gzip: 0 }),
      ),
    );
  });
  return async (): Promise<Bytes> => {
    const all = await Promise.all(sizes);
    const sum = (key: "raw" | "gzip") => all.reduce((total, size) => total + size[key], 0);
    return { raw: sum("raw"), gzip: sum("gzip"), files: all.length };
  };
}

type Timing = { totalMs: number; engineMs: number };

/** Clicks Run tests inside the page; resolves with ms until the summary is on screen, and the
 *  engine's own durationMs (the rest is loading, queueing and drawing the results). */
function timeRun(page: Page): Promise<Timing> {
  return page.evaluate(
    () =>
      new Promise<Timing>((resolve) => {
        const summary = document.querySelector<HTMLElement>(".ws-summary");
        const run = [...document.querySelectorAll<HTMLButtonElement>(".ws-toolbar button")].find(
          (button) => button.textContent === "Run tests",
        );
        if (!summary || !run) throw new Error("no workspace on the page");
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (summary.dataset.status === "running" || !summary.querySelector(".ws-summary-line")) return;
          observer.disconnect();
          const totalMs = performance.now() - start;
          requestAnimationFrame(() =>
            resolve({
              totalMs: performance.now() - start,
              engineMs: Number(summary.dataset.durationMs ?? totalMs),
            }),
          );
        });
        observer.observe(summary, { subtree: true, childList: true, attributes: true });
        run.click();
      }),
  );
}

async function openWorkspace(page: Page, base: string) {
  await page.goto(base + LESSON);
  await page.getByRole("button", { name: "Start editing" }).click();
  await page.getByRole("textbox", { name: "Code editor: pocketflow.ts" }).waitFor();
}

async function typeSolution(page: Page) {
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(SOLUTION);
}

async function pageWeight(browser: Browser, base: string) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const scripts = recordScripts(page);
  await page.goto(base + LESSON);
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  const beforeTouch = await scripts();
  await page.getByRole("button", { name: "Start editing" }).click();
  await page.getByRole("textbox", { name: "Code editor: pocketflow.ts" }).waitFor();
  // The engine warms up once focus is in the editor: wait for its sandbox before summing.
  await page.locator("iframe").waitFor({ state: "attached", timeout: 10_000 });
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1000);
  const withEditor = await scripts();
  await context.close();
  return { beforeTouch, withEditor };
}

/** A fresh browser profile per cold figure: nothing cached, nothing saved. */
async function freshWorkspace(browser: Browser, base: string) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await openWorkspace(page, base);
  return { context, page };
}

async function runTimes(browser: Browser, base: string) {
  // Run pressed the moment the editor appears, on the starter: the engine loads inside the figure.
  const first = await freshWorkspace(browser, base);
  const coldImmediate = await timeRun(first.page);
  await first.context.close();

  const { context, page } = await freshWorkspace(browser, base);
  await typeSolution(page);
  await page.waitForTimeout(TYPING_PAUSE_MS);
  const coldAfterPause = await timeRun(page);
  const summary = await page.locator(".ws-summary-line").innerText();
  const warm: Timing[] = [];
  for (let i = 0; i < WARM_RUNS; i++) {
    await page.waitForTimeout(BETWEEN_RUNS_MS);
    warm.push(await timeRun(page));
  }
  const backToBack: Timing[] = [];
  for (let i = 0; i < WARM_RUNS; i++) backToBack.push(await timeRun(page));
  await context.close();
  return { coldImmediate, coldAfterPause, warm: byTotal(warm), backToBack: byTotal(backToBack), summary };
}

const byTotal = (timings: Timing[]) => [...timings].sort((a, b) => a.totalMs - b.totalMs);
const medianOf = (sorted: Timing[]) =>
  sorted[Math.floor(sorted.length / 2)] ?? { totalMs: NaN, engineMs: NaN };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const timing = (t: Timing) => `${ms(t.totalMs).padStart(7)}  (engine ${ms(t.engineMs)})`;
const verdict = (ok: boolean) => (ok ? "ok" : "OVER");

const server = await startPreview(new URL(".", ROOT).pathname);
const browser = await launchChromium();
try {
  const { beforeTouch: b, withEditor: e } = await pageWeight(browser, server.url);
  const times = await runTimes(browser, server.url);
  const warm = medianOf(times.warm);
  const row = (label: string, value: string) => console.log(`${label.padEnd(58)}${value}`);
  console.log(`Workspace benchmark: ${LESSON} (suite: ${times.summary})\n`);
  row("JS before touching the workspace", `${kb(b.gzip)} gz (${kb(b.raw)} raw, ${b.files} files)`);
  row(`  target ≤ ${TARGETS.pageJsGzipKb} KB gz`, verdict(b.gzip <= TARGETS.pageJsGzipKb * 1024));
  row(
    "JS once the editor is open and the engine warmed",
    `${kb(e.gzip)} gz (${kb(e.raw)} raw, ${e.files} files)`,
  );
  console.log("");
  row("Run tests → summary, cold: pressed as the editor appears", timing(times.coldImmediate));
  row(`Run tests → summary, cold: after ${TYPING_PAUSE_MS / 1000} s of typing`, timing(times.coldAfterPause));
  row(
    `  target ≤ ${TARGETS.coldMs} ms`,
    `${verdict(times.coldImmediate.totalMs <= TARGETS.coldMs)} as the editor appears, ${verdict(times.coldAfterPause.totalMs <= TARGETS.coldMs)} after typing`,
  );
  row(`Run tests → summary, warm: median of ${times.warm.length}, ${BETWEEN_RUNS_MS} ms apart`, timing(warm));
  row(`  target ≤ ${TARGETS.warmMs} ms`, verdict(warm.totalMs <= TARGETS.warmMs));
  row("  all warm runs (ms)", times.warm.map((t) => Math.round(t.totalMs)).join(", "));
  row(
    `Run tests → summary, back to back: median of ${times.backToBack.length}`,
    timing(medianOf(times.backToBack)),
  );
} finally {
  await browser.close();
  await server.stop();
}
