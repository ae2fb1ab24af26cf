// Variants of the stages whose solution is core/index.ts itself: exercise 9 (parallel) and the
// capstone. They replace whole regions rather than lines, so that a faster core keeps them valid.
import { PLANTED_BUGS, plant } from "../capstone";
import type { Variant } from "./variant";

const P = "pocketflow.ts";

/** The core test that each of the capstone's planted bugs must fail, in PLANTED_BUGS' order. */
const CAUGHT_BY = [
  "keeps retry state per item",
  "treats an empty or missing action as 'default'",
  "copies the flow's params for each run",
  "runs the sub-flow once per params object",
];

/** The batch-node region, with the expression that picks the node an item's attempt runs on. */
const batchNode = (
  nodeForItem: string,
) => `/** prep returns a list; exec (with its retries) runs once per item; post gets every result. */
export class BatchNode<S = unknown, I = unknown, R = unknown> extends Node<S, Items<I>, R[], I, R> {
  maxConcurrency = 1;

  protected override _exec(items: Items<I>): Promise<R[]> {
    const attempt = (item: I) => (${nodeForItem})._attempt(item);
    return mapConcurrent(items ?? [], this.maxConcurrency, attempt);
  }
}

export class ParallelBatchNode<S = unknown, I = unknown, R = unknown> extends BatchNode<S, I, R> {
  constructor({ maxConcurrency = Infinity, ...options }: NodeOptions & ConcurrencyOptions = {}) {
    super(options);
    this.maxConcurrency = maxConcurrency;
  }
}`;

/** The batch-flow region, with the body of its _run between prep and post. */
const batchFlow = (
  runBatch: string,
) => `/** prep returns a list of params objects; the sub-flow runs once per item with them merged in. */
export class BatchFlow<S = unknown> extends Flow<S, Items<Params>> {
  maxConcurrency = 1;

  override async _run(shared: S): Promise<Action | undefined | void> {
    const batch = (await this.prep(shared)) ?? [];
${runBatch}
    return this.post(shared, batch, undefined);
  }
}

export class ParallelBatchFlow<S = unknown> extends BatchFlow<S> {
  constructor(start?: BaseNode<S>, { maxConcurrency = Infinity }: ConcurrencyOptions = {}) {
    super(start);
    this.maxConcurrency = maxConcurrency;
  }
}`;

const mapConcurrent = (
  body: string,
) => `async function mapConcurrent<T, R>(items: T[], limit: number, task: (item: T) => MaybePromise<R>) {
${body}
}`;

export const coreStages: Record<string, Variant[]> = {
  "09-parallel": [
    {
      name: "lanes that take indices from a shared queue, always (no Promise.all shortcut)",
      kind: "correct",
      edits: [
        {
          file: P,
          region: "map-concurrent",
          code: mapConcurrent(`  const results = new Array<R>(items.length);
  const queue = items.map((_, i) => i);
  const lane = async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) results[i] = await task(items[i] as T);
  };
  const lanes = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;`),
        },
      ],
    },
    {
      name: "chunks of at most limit items, each chunk awaited whole (slower, but within the limit)",
      kind: "correct",
      edits: [
        {
          file: P,
          region: "map-concurrent",
          code: mapConcurrent(`  const size = Math.max(1, Math.min(limit, items.length));
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map((item) => task(item)))));
  }
  return results;`),
        },
      ],
    },
    {
      name: "each item in flight runs on an object that inherits from the node (Object.create), not a copy",
      kind: "correct",
      edits: [
        {
          file: P,
          region: "batch-node",
          code: batchNode("this.maxConcurrency > 1 ? (Object.create(this) as this) : this"),
        },
      ],
    },
    {
      name: "no Promise.all shortcut: Array.from({ length: Infinity }) throws RangeError",
      kind: "mistake",
      caughtBy: "runs every item at once when maxConcurrency is not set",
      edits: [
        {
          file: P,
          region: "map-concurrent",
          code: mapConcurrent(`  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await task(items[i] as T);
  };
  await Promise.all(Array.from({ length: limit }, lane));
  return results;`),
        },
      ],
    },
    {
      name: "ignores the limit and starts everything",
      kind: "mistake",
      caughtBy: "never has more than maxConcurrency items in flight",
      edits: [
        {
          file: P,
          region: "map-concurrent",
          code: mapConcurrent("  return Promise.all(items.map((item) => task(item)));"),
        },
      ],
    },
    {
      name: "collects results in the order they finish",
      kind: "mistake",
      caughtBy: "gives post the results in input order",
      edits: [
        {
          file: P,
          region: "map-concurrent",
          code: mapConcurrent(`  const results: R[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results.push(await task(items[i] as T));
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;`),
        },
      ],
    },
    {
      name: "runs concurrent items on the node itself, so they share one curRetry",
      kind: "mistake",
      caughtBy: "keeps retry state per item",
      edits: [{ file: P, region: "batch-node", code: batchNode("this") }],
    },
    {
      name: "leaves BatchFlow's loop sequential",
      kind: "mistake",
      caughtBy: "runs the sub-flows concurrently",
      edits: [
        {
          file: P,
          region: "batch-flow",
          code: batchFlow(
            "    for (const item of batch) await this._orchestrate(shared, { ...this.params, ...item });",
          ),
        },
      ],
    },
  ],

  "10-the-whole-core": [
    {
      name: "fixes the batch by copying the node for every item, sequential or not",
      kind: "correct",
      edits: [{ file: P, region: "batch-node", code: batchNode("copyOf(this)") }],
    },
    {
      name: "fixes the params and the default action with other spellings",
      kind: "correct",
      edits: [
        {
          file: P,
          replace: "protected async _orchestrate(shared: S, params: Params = { ...this.params }) {",
          with: "protected async _orchestrate(shared: S, params: Params = Object.assign({}, this.params)) {",
        },
        {
          file: P,
          replace: 'const next = current.successors.get(action || "default");',
          with: 'const next = current.successors.get(action ? action : "default");',
        },
      ],
    },
    // Each planted bug alone must fail, in the test of the behaviour it breaks.
    ...PLANTED_BUGS.map((bug, i): Variant => ({
      name: `planted bug ${i + 1} alone (${bug.breaks})`,
      kind: "mistake",
      caughtBy: CAUGHT_BY[i],
      edits: [{ file: P, apply: (source) => plant(source, bug) }],
    })),
  ],
};
