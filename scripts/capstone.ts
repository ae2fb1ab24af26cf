// The capstone's starter (exercise 10) is core/index.ts with four planted bugs, one per region that a
// part-1 lesson built. It is generated, so that it follows the core: after core/index.ts changes, run
// `npx tsx scripts/capstone.ts` to write it again; scripts/stages.test.ts fails while it is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface PlantedBug {
  /** What the bug breaks, as the lesson that built the behaviour puts it. */
  breaks: string;
  /** The correct code, found exactly once in the core (a pattern, where the core may spell it in several ways). */
  find: string | RegExp;
  /** What the starter has instead. */
  plant: string;
}

export const PLANTED_BUGS: PlantedBug[] = [
  {
    breaks: "lesson 9: each item in flight runs on an object of its own, so curRetry is per item",
    find: /\(this\.maxConcurrency > 1 \? .+? : this\)/,
    plant: "this",
  },
  {
    breaks: 'lesson 6: an empty action, like a missing one, means "default"',
    find: 'current.successors.get(action || "default")',
    plant: 'current.successors.get(action ?? "default")',
  },
  {
    breaks: "lesson 6: each run hands its nodes a copy of the flow's params, never the flow's own object",
    find: "params: Params = { ...this.params }",
    plant: "params: Params = this.params",
  },
  {
    breaks: "lesson 8: a batch item's params win over the flow's",
    find: "this._orchestrate(shared, { ...this.params, ...item })",
    plant: "this._orchestrate(shared, { ...item, ...this.params })",
  },
];

const HEADER = `//
// Capstone: this is the whole core, assembled from the lessons, but four small bugs slipped in while
// it was copied. Run the tests (they are core/'s own suite), read what fails, fix the code.`;

/** `source` with `bug` planted; throws unless the correct code occurs exactly once. */
export function plant(source: string, bug: PlantedBug): string {
  const pattern =
    typeof bug.find === "string"
      ? new RegExp(bug.find.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g")
      : new RegExp(bug.find.source, "g");
  const found = source.match(pattern)?.length ?? 0;
  if (found !== 1) {
    throw new Error(
      `The capstone's bug (${bug.breaks}) looks for ${String(bug.find)} once in the core, and finds it ` +
        `${found} times: update PLANTED_BUGS in scripts/capstone.ts to the core's code.`,
    );
  }
  return source.replace(pattern, () => bug.plant);
}

/** The capstone starter for a given core: the header note after the first line, then every bug. */
export function capstoneStarter(core: string): string {
  const [first = "", ...rest] = core.split("\n");
  return PLANTED_BUGS.reduce(plant, [first, HEADER, ...rest].join("\n"));
}

const root = fileURLToPath(new URL("..", import.meta.url));
export const STARTER_PATH = join(root, "exercises", "10-the-whole-core", "starter", "pocketflow.ts");

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(STARTER_PATH, capstoneStarter(readFileSync(join(root, "core", "index.ts"), "utf8")));
  console.log(`wrote ${STARTER_PATH.slice(root.length)} from core/index.ts with ${PLANTED_BUGS.length} bugs`);
}
