// Test helpers for the WebContainer engine: a scripted `vitest run` for the fake runtime that prints
// progress lines and writes the reports a real run wrote (fixtures/), and a snapshot of a tiny project.
import { encode } from "@msgpack/msgpack";
import type { ProcessFactory, ProcessScript, SpawnCall } from "./fake-runtime";
import { DETAILS_REPORT, JSON_REPORT, SNAPSHOT_MANIFEST, type ProjectFiles } from "./layout";

export const projectFiles: ProjectFiles = {
  "package.json": '{ "name": "sandbox" }',
  "package-lock.json": '{ "lockfileVersion": 3 }',
  "vitest.config.js": "export default {};",
  "pocketflow-reporter.js": "export default class {}",
  "pocketflow-progress.js": "",
};

export const isVitest = (call: SpawnCall) => call.command === "node" && call.args[0]?.includes("vitest");

export const progressLine = (event: object) => `\r\n@@pocketflow ${JSON.stringify(event)}\r\n`;

/** A vitest run that prints `output` and leaves these reports (undefined: none), exiting with `exitCode`. */
export function vitestScript(
  reports: { json?: string; details?: string },
  extra: Partial<ProcessScript> = {},
) {
  return {
    output: [
      " RUN  v4.1.12 /home/pocketflow/exercise\r\n",
      progressLine({ event: "file", path: "tests/a.test.ts" }),
    ],
    effect(files) {
      if (reports.json !== undefined) files.write(JSON_REPORT, reports.json);
      if (reports.details !== undefined) files.write(DETAILS_REPORT, reports.details);
    },
    exitCode: 1,
    ...extra,
  } satisfies ProcessScript;
}

/** Every vitest spawn runs `script`; npm and chmod succeed. */
export const processes =
  (script: (call: SpawnCall) => ProcessScript): ProcessFactory =>
  (call) =>
    isVitest(call) ? script(call) : { output: [`${call.command} done\r\n`], exitCode: 0 };

/** A snapshot in `@webcontainer/snapshot`'s format holding a manifest for `hash`. */
export function snapshotFor(hash: string, links: Record<string, string> = {}): Uint8Array {
  const file = (text: string) => ({ f: { c: new TextEncoder().encode(text) } });
  const manifestName = SNAPSHOT_MANIFEST.split("/")[1] ?? "";
  return encode({
    d: {
      "package.json": file(projectFiles["package.json"]),
      node_modules: {
        d: {
          [manifestName]: file(JSON.stringify({ hash, links })),
          vitest: { d: { "vitest.mjs": file("// vitest") } },
        },
      },
    },
  });
}
