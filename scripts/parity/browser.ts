// Drives the harness page in headless Chromium: runs suites in the worker engine and checks its
// timeouts and speed.
import type { Browser, Page } from "playwright-core";
import type { TestReport } from "../../src/lib/engine/report";
import type { Files } from "../../src/lib/exercises/schema";
import { launchChromium } from "../lib/chromium";
import { endlessLoop, smallSuite, type Fixture } from "./fixtures";
import { startHarnessServer, type HarnessServer } from "./server";

export interface Harness {
  run(files: Files, tests: Files, timeoutMs: number): Promise<TestReport>;
  /** Where the last run's time went, as the engine profiled it (ms by leg and phase). */
  profile(): Promise<Record<string, number> | undefined>;
  /** Problems found by the timeout and isolation checks (empty when all is well). */
  checkTimeouts(): Promise<string[]>;
  /** Medians of a small suite's run times in ms, over fresh pages: the first run (cold), later ones
   *  once the spare worker is ready (warm), and runs fired one right after another. */
  measure(): Promise<{ coldMs: number; warmMs: number; backToBackMs: number }>;
  close(): Promise<void>;
}

/** A page in a new browser context: nothing cached from earlier pages. */
async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on("pageerror", (error) => console.error(`harness page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.parity !== undefined);
  return page;
}

const runIn = (page: Page, suite: Pick<Fixture, "files" | "tests">, timeoutMs: number) =>
  page.evaluate(
    ([files, tests, ms]) => {
      if (!window.parity) throw new Error("the parity harness did not load");
      return window.parity.run(files, tests, ms);
    },
    [suite.files, suite.tests, timeoutMs] as const,
  );

export async function openHarness(): Promise<Harness> {
  const server: HarnessServer = await startHarnessServer();
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  const page = await openPage(browser, server.url);
  if (!(await page.evaluate(() => window.parity?.isolated))) {
    throw new Error("the harness page is not cross-origin isolated: COOP/COEP headers are missing");
  }

  return {
    run: (files, tests, timeoutMs) => runIn(page, { files, tests }, timeoutMs),

    profile: () =>
      page.evaluate(
        () =>
          (performance.getEntriesByName("pocketflow:run-profile").at(-1) as PerformanceMark | undefined)
            ?.detail as Record<string, number> | undefined,
      ),

    async checkTimeouts() {
      const problems: string[] = [];
      const pending = runIn(page, endlessLoop, 1000);
      // While a worker spins, the page must stay responsive.
      const pinged = performance.now();
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
      const pingMs = performance.now() - pinged;
      if (pingMs > 500) problems.push(`the page took ${pingMs.toFixed(0)} ms to paint while a run spun`);
      const stopped = await pending;
      if (stopped.status !== "timeout") problems.push(`an endless loop gave status ${stopped.status}`);
      if (!/did not finish within 1 s — did a loop never end\?/.test(stopped.output))
        problems.push(`the timeout message does not name the likely cause:\n${stopped.output}`);
      const spinning = stopped.tests.find((test) => test.name === "spins forever");
      if (spinning?.status !== "fail") problems.push("the test that was running is not reported as failed");
      if (stopped.durationMs > 2500) problems.push(`the timeout took ${stopped.durationMs.toFixed(0)} ms`);
      const next = await runIn(page, smallSuite, 5000);
      if (next.status !== "pass")
        problems.push(`the run after a timeout gave ${next.status}:\n${next.output}`);
      return problems;
    },

    async measure() {
      // Timed in the page, from run() to its report: what a learner waits for.
      const timeRun = async (on: Page) => {
        const report = await runIn(on, smallSuite, 5000);
        if (report.status !== "pass")
          throw new Error(`the small suite gave ${report.status}: ${report.output}`);
        return report.durationMs;
      };
      const median = (values: number[]) =>
        [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
      const cold: number[] = [];
      const warm: number[] = [];
      const backToBack: number[] = [];
      for (let sample = 0; sample < 3; sample += 1) {
        const fresh = await openPage(browser, server.url);
        try {
          cold.push(await timeRun(fresh));
          for (let index = 0; index < 3; index += 1) {
            // A learner reads the results before running again: by then the spare worker is booted.
            await fresh.waitForTimeout(1000);
            warm.push(await timeRun(fresh));
          }
          for (let index = 0; index < 2; index += 1) backToBack.push(await timeRun(fresh));
        } finally {
          await fresh.context().close();
        }
      }
      return { coldMs: median(cold), warmMs: median(warm), backToBackMs: median(backToBack) };
    },

    async close() {
      await browser.close();
      await server.close();
    },
  };
}
