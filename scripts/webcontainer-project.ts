// The WebContainer's sandbox project, checked on this machine: installs it from its lock file into a
// temporary folder and makes the snapshot the site serves, then lets the WebContainer engine's own
// code mount that snapshot and run every exercise's suite on its starter and on its solution — on
// Node 20, the WebContainer's Node — and compares each test's outcome with Node vitest (the CLI's
// engine, which the offline engine matches; see test:parity). Also runs the engine fixtures, an
// endless loop (it must be stopped), and a suite that checks that the pinned vitest has every part
// of vitest's API the suites use. Exits 1 on any difference.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { summarize, type TestReport } from "../src/lib/engine/report";
import { buildSnapshot, readProjectFiles } from "../src/lib/engine/webcontainer/build/snapshot";
import { createWebContainerEngine } from "../src/lib/engine/webcontainer/engine";
import { planTests } from "../src/lib/engine/worker/collect";
import { projectRoot } from "../src/lib/exercises/load";
import { runWithNodeVitest } from "./lib/node-vitest";
import { printTable } from "./lib/print-table";
import { readTracerSources } from "./lib/tracer-sources";
import { caseId, suiteCases, type SuiteCase } from "./lib/suite-cases";
import { differences } from "./parity/compare";
import { endlessLoop, fixtures } from "./parity/fixtures";
import { findNode20 } from "./webcontainer-project/node20";
import { nodeSandboxRuntime } from "./webcontainer-project/node-sandbox";
import { apiSuite, vitestApiUsedBy } from "./webcontainer-project/vitest-api";

/** What the page's e2e (trace.e2e.ts) shows for the same test, from the offline engine. */
const AGENT_RUN_TEST = "a run: search twice, then answer › takes the steps the model chose, in order";
const AGENT_RUN_STEPS =
  "Flow → done, Decide → search, SearchWeb → decide, Decide → search, SearchWeb → decide, Decide → answer, Answer → done";

const { cases, unreadable } = suiteCases(process.argv.slice(2));
const idOf = caseId;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const node20 = findNode20();
console.log(`vitest runs on Node ${node20.version} (${node20.binary}), as in a WebContainer.`);
const scratch = mkdtempSync(join(tmpdir(), "webcontainer-project-"));
const problems: string[] = [];
try {
  const installStarted = performance.now();
  const files = readProjectFiles();
  const snapshot = await buildSnapshot(join(scratch, "install"), files);
  console.log(
    `Installed the sandbox project from its lock file and made its snapshot in ${seconds(performance.now() - installStarted)}: ` +
      `${(snapshot.gzipped.length / 1024 / 1024).toFixed(1)} MB gzipped, ${snapshot.files} files.`,
  );

  // Two sandboxes (this machine's cores) take the suites from one queue; each is one engine.
  const sandboxes = Math.max(1, Number(process.env.SANDBOXES ?? 2));
  const engines = await Promise.all(
    Array.from({ length: sandboxes }, async (_, index) => {
      const engine = createWebContainerEngine({
        runtime: nodeSandboxRuntime({ root: join(scratch, `sandbox-${index}`), node: node20.binary }),
        project: { hash: snapshot.hash, files },
        loadSnapshot: async () => new Uint8Array(gunzipSync(snapshot.gzipped)),
        // The page hands over the offline engine's planner; here it runs in Node directly.
        planSuite: (tests) => planTests(tests),
        tracerSources: () => Promise.resolve(readTracerSources()),
      });
      await engine.start();
      if (engine.status.phase !== "ready" || engine.status.from !== "snapshot")
        problems.push(`the engine did not start from the snapshot: ${JSON.stringify(engine.status)}`);
      return engine;
    }),
  );
  const engine = engines[0] ?? engines[engines.length - 1];
  if (!engine) throw new Error("no sandbox");

  const nodeReports = await runWithNodeVitest(
    join(projectRoot, ".cache", "webcontainer-project-node"),
    cases.map((test) => ({ id: idOf(test), files: { ...test.files, ...test.tests } })),
    { timeoutMs: Math.max(...cases.map((test) => test.timeoutMs)) },
  );

  const rows = new Map<SuiteCase, string[]>();
  let sandboxMs = 0;
  const queue = [...cases];
  const started = performance.now();
  await Promise.all(
    engines.map(async (own) => {
      for (let test = queue.shift(); test; test = queue.shift()) {
        const node = nodeReports.get(idOf(test));
        if (!node) throw new Error(`Node vitest gave no report for ${idOf(test)}`);
        const sandbox: TestReport = await own.run(test.files, test.tests, { timeoutMs: test.timeoutMs });
        sandboxMs += sandbox.durationMs;
        const found = differences(node, sandbox);
        if (test.variant === "starter" && !sandbox.tests.some((outcome) => outcome.status === "fail"))
          found.push("every test passes on the starter");
        if (test.variant === "solution" && sandbox.status !== "pass")
          found.push("the solution does not pass");
        if (found.length > 0)
          problems.push(`${idOf(test)}:\n  ${found.join("\n  ")}\n${failuresOf(sandbox)}`);
        const row = [
          test.label,
          test.variant,
          `${node.status} (${summarize(node)})`,
          `${sandbox.status} (${summarize(sandbox)})`,
          seconds(sandbox.durationMs),
          found.length === 0 ? "same" : `${found.length} differ`,
        ];
        rows.set(test, row);
        console.log(`  ${row.join("  ")}`);
      }
    }),
  );
  console.log("");
  printTable(
    ["suite", "code", "node vitest", "sandbox (Node 20)", "time", "parity"],
    cases.map((test) => rows.get(test) ?? []),
  );
  console.log(
    `\n${cases.length} suites in the sandbox project: ${seconds(performance.now() - started)} in ` +
      `${sandboxes} sandboxes (${seconds(sandboxMs)} of runs).`,
  );

  const loop = await engine.run(endlessLoop.files, endlessLoop.tests, { timeoutMs: 1000 });
  const spinning = loop.tests.find((outcome) => outcome.name === "spins forever");
  if (loop.status !== "timeout" || spinning?.status !== "fail" || !/did a loop never end\?/.test(loop.output))
    problems.push(`an endless loop was not stopped as a timeout:\n${JSON.stringify(loop, null, 2)}`);
  const after = await engine.run(fixtures[0]?.files ?? {}, fixtures[0]?.tests ?? {}, { timeoutMs: 5000 });
  if (after.tests.length === 0) problems.push(`the run after a timeout gave nothing:\n${after.output}`);
  console.log(
    `Endless loop: ${loop.status} after ${seconds(loop.durationMs)}; the next run: ${after.status}.`,
  );

  const suites = cases.flatMap((test) => Object.values(test.tests));
  const use = vitestApiUsedBy(suites);
  const api = await engine.run({}, { "tests/vitest-api.test.ts": apiSuite(use) }, { timeoutMs: 5000 });
  const missing = api.tests.filter((outcome) => outcome.status === "fail").map((outcome) => outcome.name);
  if (api.status !== "pass")
    problems.push(`the pinned vitest lacks what the suites use: ${missing.join(", ") || api.output}`);
  const counts = Object.entries(use).map(([part, names]) => `${names.size} ${part}`);
  console.log(
    `vitest API the suites use (${counts.join(", ")}): ${api.status === "pass" ? "all in the pinned vitest" : "MISSING"}.`,
  );

  // A traced run (the Trace view of parts 2 and 3): the agent's solution with the capture installed
  // around its provided core gives the same outcomes, and its run test took the steps the model chose.
  const agent = cases.find((test) => test.label.startsWith("16-") && test.variant === "solution");
  if (agent) {
    const traced = await engine.run(agent.files, agent.tests, { timeoutMs: agent.timeoutMs, trace: true });
    const node = nodeReports.get(idOf(agent));
    const found = node ? differences(node, traced) : ["no Node report"];
    const steps = traced.tests.find((outcome) => outcome.name === AGENT_RUN_TEST)?.trace?.steps ?? [];
    const taken = steps.map((step) => `${step.node} → ${step.action ?? "default"}`).join(", ");
    if (taken !== AGENT_RUN_STEPS) found.push(`the run test's trace is "${taken}", not "${AGENT_RUN_STEPS}"`);
    const tracedTests = traced.tests.filter((outcome) => outcome.trace).length;
    if (found.length > 0) problems.push(`traced ${idOf(agent)}:\n  ${found.join("\n  ")}`);
    console.log(
      `Traced run of ${agent.label}: ${tracedTests} of ${traced.tests.length} tests with a trace; ${taken}.`,
    );
  } else problems.push("no agent exercise to check a traced run with");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`\nThe sandbox project disagrees:\n\n${problems.join("\n\n")}`);
  process.exit(1);
}
if (unreadable.length > 0)
  console.warn(`\nNot checked (the exercise does not load):\n  ${unreadable.join("\n  ")}`);
console.log(`\nSandbox project: ${cases.length} suites on Node 20, no differences.`);

/** What failed in a report and its output, for a difference's explanation. */
function failuresOf(report: TestReport): string {
  const failed = report.tests
    .filter((test) => test.status === "fail")
    .map((test) => `  ✗ ${test.name}: ${test.message ?? ""}`);
  return [...failed, report.output ? `  output:\n${report.output}` : ""].filter(Boolean).join("\n");
}
