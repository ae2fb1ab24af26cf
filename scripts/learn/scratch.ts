import { createVitest } from "vitest/node";
import type { TestModule } from "vitest/node";
import { loadExercise, projectRoot } from "../../src/lib/exercises/load";
import { materialize } from "../lib/node-vitest";
import { join } from "node:path";
const ex = loadExercise("10-the-whole-core");
const broken = ex.starter["pocketflow.ts"]!.replace("export type Action = string;", "export type Action = string;\nconst x = ;\n");
const root = join(projectRoot, ".cache", "learn-scratch");
materialize(root, [{ id: "a", files: { "pocketflow.ts": broken, ...ex.tests } }]);
const t0 = performance.now();
const vitest = await createVitest({ root, config: false, watch: false, reporters: [], include: ["*/tests/**/*.test.ts"], silent: true }, { logLevel: "silent" });
await vitest.start(); await vitest.close();
console.log("ms", performance.now() - t0);
for (const m of vitest.state.getTestModules() as TestModule[]) {
  console.log(m.moduleId, m.state());
  for (const e of m.errors()) { console.log(Object.keys(e)); console.log(e.message.replace(/\x1b\[[0-9;]*m/g, "")); }
  break;
}
console.log("unhandled", JSON.stringify(vitest.state.getUnhandledErrors()).slice(0,500));
