// Measures the exercise workspace on the built site (run `npm run build` first), in headless
// Chromium, on the lesson 6 exercise (23 tests), and prints the figures against their targets:
//   - JavaScript a lesson page loads before the learner touches the workspace (raw and gzipped);
//   - Run tests → summary on screen: cold (the first run of a page), warm (later runs, a spare worker
//     ready) and back to back (one run right after another);
//   - where a warm run's time goes: the legs between page and worker, the worker's phases, the page.
// Cold is measured twice: pressing Run the moment the editor appears (the engine loads and boots
// inside the figure), and after a pause like a learner's typing (the engine warmed up on focus).
// Every run is in a fresh worker (a fresh realm), as always.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { launchChromium, newContext } from "../e2e/browser.ts";
import { startPreview } from "../e2e/preview-server.ts";

const ROOT = new URL("..", import.meta.url);
const LESSON = "/lessons/06-the-flow/";
const SOLUTION = readFileSync(new URL("exercises/06-the-flow/solution/pocketflow.ts", ROOT), "utf8");
const WARM_RUNS = Number(process.env.BENCH_RUNS ?? 9);
const COLD_PAGES = Number(process.env.BENCH_COLD ?? 3);
const TYPING_PAUSE_MS = 2000;
/** Between warm runs, as a learner reads the results and edits (the engine readies a fresh worker). */
const BETWEEN_RUNS_MS = Number(process.env.BENCH_PAUSE_MS ?? 1000);
const TARGETS = { coldMs: 250, warmMs: 50, pageJsGzipKb: 30 };
/** The User Timing mark the engine leaves with the last run's profile (src/lib/engine/worker/host.ts). */
const PROFILE_MARK = "pocketflow:run-profile";

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

type Profile = Record<string, number>;
type Timing = { totalMs: number; engineMs: number; profile?: Profile };

/** Clicks Run tests inside the page; resolves with ms until the summary is on screen (and painted),
 *  the engine's own durationMs, and the engine's profile of the run. */
function timeRun(page: Page): Promise<Timing> {
  return page.evaluate(
    (mark) =>
      new Promise<Timing>((resolve, reject) => {
        const summary = document.querySelector<HTMLElement>(".ws-summary");
        const run = [...document.querySelectorAll<HTMLButtonElement>(".ws-toolbar button")].find(
          (button) => button.textContent === "Run tests",
        );
        if (!summary || !run) return reject(new Error("no workspace on the page"));
        performance.clearMarks(mark);
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (summary.dataset.status === "running" || !summary.querySelector(".ws-summary-line")) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            const entry = performance.getEntriesByName(mark).at(-1) as PerformanceMark | undefined;
            resolve({
              totalMs: performance.now() - start,
              engineMs: Number(summary.dataset.durationMs ?? Number.NaN),
              ...(entry?.detail ? { profile: entry.detail as Profile } : {}),
            });
          });
        });
        observer.observe(summary, { subtree: true, childList: true, attributes: true });
        run.click();
      }),
    PROFILE_MARK,
  );
}

const editor = (page: Page) => page.getByRole("textbox", { name: "Code editor: pocketflow.ts" });

async function openWorkspace(page: Page, base: string) {
  await page.goto(base + LESSON);
  await page.getByRole("button", { name: "Start editing" }).click();
  await editor(page).waitFor();
}

async function typeSolution(page: Page) {
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(SOLUTION);
}

/** The summary line once the run in progress (if any) is over. */
const summaryLine = (page: Page) =>
  page.locator('.ws-summary:not([data-status="running"]) .ws-summary-line').innerText({ timeout: 60_000 });

async function pageWeight(browser: Browser, base: string) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const scripts = recordScripts(page);
  await page.goto(base + LESSON, { waitUntil: "load" });
  await page.getByRole("button", { name: "Start editing" }).waitFor();
  const beforeTouch = await scripts();
  await page.getByRole("button", { name: "Start editing" }).click();
  await editor(page).waitFor();
  // Everything the engine needs is loaded once a run has come back.
  await page.getByRole("button", { name: "Run tests", exact: true }).click();
  await summaryLine(page);
  const withEngine = await scripts();
  await context.close();
  return { beforeTouch, withEngine };
}

/** A fresh browser profile per cold figure: nothing cached, nothing saved. */
async function freshWorkspace(browser: Browser, base: string) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await openWorkspace(page, base);
  return { context, page };
}

async function runTimes(browser: Browser, base: string) {
  const coldImmediate: Timing[] = [];
  const coldAfterPause: Timing[] = [];
  for (let i = 0; i < COLD_PAGES; i++) {
    // Run pressed the moment the editor appears, on the starter: the engine loads inside the figure.
    const first = await freshWorkspace(browser, base);
    coldImmediate.push(await timeRun(first.page));
    await first.context.close();
  }
  let summary = "";
  const warm: Timing[] = [];
  const backToBack: Timing[] = [];
  for (let i = 0; i < COLD_PAGES; i++) {
    const { context, page } = await freshWorkspace(browser, base);
    await typeSolution(page);
    await page.waitForTimeout(TYPING_PAUSE_MS);
    coldAfterPause.push(await timeRun(page));
    summary = await summaryLine(page);
    if (i === 0) {
      for (let run = 0; run < WARM_RUNS; run++) {
        await page.waitForTimeout(BETWEEN_RUNS_MS);
        warm.push(await timeRun(page));
      }
      for (let run = 0; run < WARM_RUNS; run++) backToBack.push(await timeRun(page));
    }
    await context.close();
  }
  return {
    coldImmediate: byTotal(coldImmediate),
    coldAfterPause: byTotal(coldAfterPause),
    warm: byTotal(warm),
    backToBack: byTotal(backToBack),
    summary,
  };
}

const byTotal = (timings: Timing[]) => [...timings].sort((a, b) => a.totalMs - b.totalMs);
const medianOf = (sorted: Timing[]): Timing =>
  sorted[Math.floor(sorted.length / 2)] ?? { totalMs: Number.NaN, engineMs: Number.NaN };
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const timing = (t: Timing) => `${ms(t.totalMs).padStart(7)}  (engine ${ms(t.engineMs)})`;
const verdict = (ok: boolean) => (ok ? "ok" : "OVER");

/** Medians of each leg over warm runs: page → worker → page, the worker's phases, and the page's own. */
function profileRows(runs: Timing[]): [string, string][] {
  const profiles: Profile[] = runs.flatMap((run) =>
    run.profile ? [{ ...run.profile, total: run.totalMs, engine: run.engineMs }] : [],
  );
  if (profiles.length === 0) return [["  (the engine left no profile)", ""]];
  const of = (key: string) => median(profiles.map((profile) => profile[key] ?? Number.NaN));
  const rest = median(
    profiles.map(
      (p) => (p.engine ?? 0) - (p.toWorker ?? 0) - (p.inWorker ?? 0) - (p.back ?? 0) - (p.check ?? 0),
    ),
  );
  const page = median(profiles.map((p) => (p.total ?? 0) - (p.engine ?? 0)));
  const decimal = (value: number) => `${value.toFixed(1)} ms`;
  return [
    ["  page → worker (spare worker gets the run)", decimal(of("toWorker"))],
    ["  in the worker", decimal(of("inWorker"))],
    ["    prepare (compile what is new, plan the suite)", decimal(of("prepare"))],
    ["    transform TypeScript (all of it, in prepare and on load)", decimal(of("transform"))],
    ["    collect (load test files and the learner's modules)", decimal(of("collect"))],
    ["    run the tests", decimal(of("run"))],
    ["  worker → page", decimal(of("back"))],
    ["  check the report", decimal(of("check"))],
    ["  engine, the rest (queue, sandbox, finish)", decimal(rest)],
    ["  page: click, results drawn, next frame", decimal(page)],
  ];
}

const server = await startPreview(new URL(".", ROOT).pathname);
const browser = await launchChromium();
try {
  const { beforeTouch: b, withEngine: e } = await pageWeight(browser, server.url);
  const times = await runTimes(browser, server.url);
  const warm = medianOf(times.warm);
  const coldNow = medianOf(times.coldImmediate);
  const coldLater = medianOf(times.coldAfterPause);
  const row = (label: string, value: string) => console.log(`${label.padEnd(64)}${value}`);
  console.log(`Workspace benchmark: ${LESSON} (suite: ${times.summary})\n`);
  row("JS before touching the workspace", `${kb(b.gzip)} gz (${kb(b.raw)} raw, ${b.files} files)`);
  row(`  target ≤ ${TARGETS.pageJsGzipKb} KB gz`, verdict(b.gzip <= TARGETS.pageJsGzipKb * 1024));
  row(
    "JS once the editor is open and a run is done",
    `${kb(e.gzip)} gz (${kb(e.raw)} raw, ${e.files} files)`,
  );
  console.log("");
  row(
    `Run → summary, cold: pressed as the editor appears (median of ${times.coldImmediate.length})`,
    timing(coldNow),
  );
  row(
    `Run → summary, cold: after ${TYPING_PAUSE_MS / 1000} s of typing (median of ${times.coldAfterPause.length})`,
    timing(coldLater),
  );
  row(
    `  target ≤ ${TARGETS.coldMs} ms`,
    `${verdict(coldNow.totalMs <= TARGETS.coldMs)} as the editor appears, ${verdict(coldLater.totalMs <= TARGETS.coldMs)} after typing`,
  );
  row(`Run → summary, warm: median of ${times.warm.length}, ${BETWEEN_RUNS_MS} ms apart`, timing(warm));
  row(`  target ≤ ${TARGETS.warmMs} ms`, verdict(warm.totalMs <= TARGETS.warmMs));
  row("  all warm runs (ms)", times.warm.map((t) => Math.round(t.totalMs)).join(", "));
  row(
    `Run → summary, back to back: median of ${times.backToBack.length}`,
    timing(medianOf(times.backToBack)),
  );
  console.log("\nWhere a warm run's time goes (medians):");
  for (const [label, value] of profileRows(times.warm)) row(label, value);
} finally {
  await browser.close();
  await server.stop();
}
