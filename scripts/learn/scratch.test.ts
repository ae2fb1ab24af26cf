import { it, expect } from "vitest";
import { join } from "node:path";
import { loadExercise, projectRoot } from "../../src/lib/exercises/load";
import { runWithNodeVitest } from "../lib/node-vitest";
it("nested", async () => {
  const ex = loadExercise("10-the-whole-core");
  const r = await runWithNodeVitest(join(projectRoot, ".cache", "learn-scratch2"), [{ id: "a", files: { ...ex.starter, ...ex.tests } }, { id: "b", files: { ...ex.solution, ...ex.tests } }]);
  console.log(r.get("a")!.status, r.get("a")!.tests.length, r.get("b")!.status, r.get("a")!.tests.filter(t => t.status==="fail").map(t => [t.name, t.message, t.expected, t.actual]));
  expect(r.get("b")!.status).toBe("pass");
}, 30000);
