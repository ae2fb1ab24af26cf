// PocketFlow in TypeScript: nodes that share a store, linked into a graph by actions.
//
// Exercise 9, parallel. This file is your pocketflow.ts from exercise 8 with this exercise's TODOs
// added; if you start here, it holds the reference solution of exercise 8. Write `mapConcurrent` (in
// the helpers), then make BatchNode and BatchFlow use it, so that ParallelBatchNode and
// ParallelBatchFlow, which only raise maxConcurrency, run their items together.
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */

// #region types
/** What `post` returns to pick the next node; empty or missing means "default". */
export type Action = string;
/** Values a flow hands to every node it runs, read as `this.params`. */
export type Params = Record<string, unknown>;
/** Hooks may be sync or async: the framework awaits only real promises. */
export type MaybePromise<T> = T | Promise<T>;
/** A batch's prep result: a list, where null or undefined means an empty one. */
export type Items<I> = I[] | null | undefined;
/** `maxRetries`: attempts of exec (1 = no retry); `wait`: seconds between them, as in PocketFlow. */
export type NodeOptions = { maxRetries?: number; wait?: number };
/** Most items or sub-flows in flight at once; unlimited by default. */
export type ConcurrencyOptions = { maxConcurrency?: number };
// #endregion types

// #region helpers
const isPromise = <T>(value: MaybePromise<T>): value is Promise<T> => value instanceof Promise;

/** Calls `next` at once on a plain value, or when a promise resolves. */
const then = <T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>) =>
  isPromise(value) ? value.then(next) : next(value);

/** A shallow copy of the same class: a running flow never mutates the graph's own nodes. */
const copyOf = <T extends object>(node: T) =>
  Object.assign(Object.create(Object.getPrototypeOf(node)) as T, node);

const sleep = (seconds: number) => new Promise((done) => setTimeout(done, seconds * 1000));

// #region map-concurrent
/** Runs `task` on every item with at most `limit` in flight; results keep the input order. */
async function mapConcurrent<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => MaybePromise<R>,
): Promise<R[]> {
  // With limit >= items.length, start them all (Promise.all). Otherwise start `limit` "lanes": each
  // lane takes the next unstarted index, awaits its task, stores the result at that index, repeats.
  throw new Error("TODO: mapConcurrent: run task on every item, at most limit at once, results in order");
}
// #endregion map-concurrent
// #endregion helpers

// #region base-node
/** S: shared store · P: prep's result · E: what post receives · I/O: what one exec call takes and gives. */
export class BaseNode<S = unknown, P = unknown, E = unknown, I = P, O = E> {
  params: Params = {};
  successors = new Map<Action, BaseNode<S>>();

  // #region set-params
  setParams(params: Params): void {
    this.params = params;
  }
  // #endregion set-params

  next<T extends BaseNode<S>>(node: T, action: Action = "default"): T {
    if (this.successors.has(action)) console.warn(`Overwriting successor for action '${action}'`);
    this.successors.set(action, node);
    return node;
  }

  on<T extends BaseNode<S>>(action: Action, node: T): T {
    return this.next(node, action);
  }

  prep(_shared: S): MaybePromise<P> {
    return undefined as P;
  }

  exec(_prepRes: I): MaybePromise<O> {
    return undefined as O;
  }

  post(_shared: S, _prepRes: P, _execRes: E): MaybePromise<Action | void> {}

  /** Plain nodes hand prep's result to exec as is (I = P, O = E); batches override this. */
  protected _exec(prepRes: P): MaybePromise<E> {
    return this.exec(prepRes as never) as never;
  }

  // #region lifecycle
  _run(shared: S): MaybePromise<Action | void> {
    return then(this.prep(shared), (p) => then(this._exec(p), (e) => this.post(shared, p, e)));
  }
  // #endregion lifecycle

  // #region run
  async run(shared: S): Promise<Action | undefined> {
    if (this.successors.size > 0) console.warn("Node won't run successors. Use Flow.");
    return (await this._run(shared)) ?? undefined;
  }
  // #endregion run
}
// #endregion base-node

// #region node
export class Node<S = unknown, P = unknown, E = unknown, I = P, O = E> extends BaseNode<S, P, E, I, O> {
  maxRetries: number;
  wait: number;
  /** The attempt `exec` is on, counted from 0. */
  curRetry = 0;

  constructor({ maxRetries = 1, wait = 0 }: NodeOptions = {}) {
    super();
    this.maxRetries = maxRetries;
    this.wait = wait;
  }

  /** Runs after the last failed attempt; its result stands in for exec's. Re-throws by default. */
  execFallback(_prepRes: I, error: Error): MaybePromise<O> {
    throw error;
  }

  /** One exec call with its retries: only exec is retried, never prep or post. */
  protected _attempt(input: I, retry = 0): MaybePromise<O> {
    this.curRetry = retry;
    const failed = (error: unknown): MaybePromise<O> => {
      const err = error instanceof Error ? error : new Error(String(error));
      if (retry + 1 >= this.maxRetries) return this.execFallback(input, err);
      const again = () => this._attempt(input, retry + 1);
      return this.wait > 0 ? sleep(this.wait).then(again) : again();
    };
    try {
      const out = this.exec(input);
      return isPromise(out) ? out.catch(failed) : out;
    } catch (error) {
      return failed(error);
    }
  }

  protected override _exec(prepRes: P): MaybePromise<E> {
    return this._attempt(prepRes as never) as never;
  }
}
// #endregion node

// #region batch-node
/** prep returns a list; exec (with its retries) runs once per item; post gets every result. */
export class BatchNode<S = unknown, I = unknown, R = unknown> extends Node<S, Items<I>, R[], I, R> {
  /** 1: items run one after another. ParallelBatchNode raises it. */
  maxConcurrency = 1;

  // TODO: in _exec (below), replace the loop with mapConcurrent(items ?? [], this.maxConcurrency, …). When
  // maxConcurrency > 1, run each item's _attempt on an object of its own, such as Object.create(this),
  // so that items in flight together do not share one curRetry.
  // #region batch-node-exec
  protected override async _exec(items: Items<I>): Promise<R[]> {
    // One item after another, each with its own attempts: curRetry starts from 0 for every item.
    const results: R[] = [];
    for (const item of items ?? []) results.push(await this._attempt(item));
    return results;
  }
  // #endregion batch-node-exec
}

export class ParallelBatchNode<S = unknown, I = unknown, R = unknown> extends BatchNode<S, I, R> {
  constructor({ maxConcurrency = Infinity, ...options }: NodeOptions & ConcurrencyOptions = {}) {
    super(options);
    this.maxConcurrency = maxConcurrency;
  }
}
// #endregion batch-node

// #region flow
export class Flow<S = unknown, P = unknown> extends BaseNode<S, P, Action | undefined> {
  startNode: BaseNode<S> | undefined;

  constructor(start?: BaseNode<S>) {
    super();
    this.startNode = start;
  }

  // #region flow-start
  start<T extends BaseNode<S>>(node: T): T {
    this.startNode = node;
    return node;
  }
  // #endregion flow-start

  // #region get-next-node
  /** A copy of the node that `action` leads to, if any. */
  protected getNextNode(current: BaseNode<S>, action: Action | undefined | void) {
    const next = current.successors.get(action || "default");
    if (!next && current.successors.size > 0) {
      const known = [...current.successors.keys()].map((key) => `'${key}'`).join(", ");
      console.warn(`Flow ends: '${action || "default"}' not found in [${known}]`);
    }
    return next && copyOf(next);
  }
  // #endregion get-next-node

  // #region orchestrate
  /** The orchestration loop: run a copy of each node, follow its action, return the last one. */
  protected async _orchestrate(shared: S, params: Params = { ...this.params }) {
    let current = this.startNode && copyOf(this.startNode);
    let action: Action | undefined | void;
    while (current) {
      current.setParams(params);
      const result = current._run(shared);
      action = isPromise(result) ? await result : result;
      current = this.getNextNode(current, action);
    }
    return action ?? undefined;
  }
  // #endregion orchestrate

  // #region flow-run
  override async _run(shared: S): Promise<Action | undefined | void> {
    const p = await this.prep(shared);
    return this.post(shared, p, await this._orchestrate(shared));
  }
  // #endregion flow-run

  // #region flow-post
  /** A flow's result is its last action, so an outer flow can branch on it. */
  override post(_shared: S, _prepRes: P, lastAction: Action | undefined): MaybePromise<Action | void> {
    return lastAction;
  }
  // #endregion flow-post
}
// #endregion flow

// #region batch-flow
/** prep returns a list of params objects; the sub-flow runs once per item with them merged in. */
export class BatchFlow<S = unknown> extends Flow<S, Items<Params>> {
  /** 1: sub-flows run one after another. ParallelBatchFlow raises it. */
  maxConcurrency = 1;

  // TODO: in _run (below), run the sub-flows with mapConcurrent(batch, this.maxConcurrency, …) instead of
  // the loop.
  // #region batch-flow-run
  override async _run(shared: S): Promise<Action | undefined | void> {
    const batch = (await this.prep(shared)) ?? [];
    for (const item of batch) await this._orchestrate(shared, { ...this.params, ...item });
    return this.post(shared, batch, undefined);
  }
  // #endregion batch-flow-run
}

export class ParallelBatchFlow<S = unknown> extends BatchFlow<S> {
  constructor(start?: BaseNode<S>, { maxConcurrency = Infinity }: ConcurrencyOptions = {}) {
    super(start);
    this.maxConcurrency = maxConcurrency;
  }
}
// #endregion batch-flow
