// PocketFlow in TypeScript: nodes that share a store, linked into a graph by actions.
//
// Exercise 6, the flow. This file is your pocketflow.ts from exercise 5 with this exercise's TODOs
// added; if you start here, it holds the reference solution of exercise 5. New: `copyOf` among the
// helpers, a shallow copy of a node, and Flow at the bottom, whose TODOs you fill in.
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */

// #region types
/** What `post` returns to pick the next node; empty or missing means "default". */
export type Action = string;
/** Values a flow hands to every node it runs, read as `this.params`. */
export type Params = Record<string, unknown>;
/** Hooks may be sync or async: the framework awaits only real promises. */
export type MaybePromise<T> = T | Promise<T>;
/** `maxRetries`: attempts of exec (1 = no retry); `wait`: seconds between them, as in PocketFlow. */
export type NodeOptions = { maxRetries?: number; wait?: number };
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

// #region flow
export class Flow<S = unknown, P = unknown> extends BaseNode<S, P, Action | undefined> {
  startNode: BaseNode<S> | undefined;

  constructor(start?: BaseNode<S>) {
    super();
    this.startNode = start;
  }

  // #region flow-start
  start<T extends BaseNode<S>>(node: T): T {
    throw new Error("TODO: start: make node the flow's start node, and return it");
  }
  // #endregion flow-start

  // #region get-next-node
  /** A copy of the node that `action` leads to, if any. */
  protected getNextNode(current: BaseNode<S>, action: Action | undefined | void): BaseNode<S> | undefined {
    // An empty or missing action means "default". If it leads nowhere while current has other links,
    // warn `Flow ends: 'maybe' not found in ['approved', 'rejected']` (the action, then every key).
    throw new Error("TODO: getNextNode: look the action up in current.successors; return a copyOf it");
  }
  // #endregion get-next-node

  // #region orchestrate
  /** The orchestration loop: run a copy of each node, follow its action, return the last one. */
  protected async _orchestrate(shared: S, params: Params = { ...this.params }): Promise<Action | undefined> {
    // Start from a copy of startNode. Loop: give it the params, _run it (await only a real promise),
    // and move to getNextNode(current, action). When there is no next node, return the last action.
    throw new Error("TODO: _orchestrate: run the graph from a copy of startNode, following actions");
  }
  // #endregion orchestrate

  // #region flow-run
  override async _run(shared: S): Promise<Action | undefined | void> {
    // A flow is a node: its own prep, then the orchestration loop instead of exec, then its own post.
    throw new Error("TODO: _run: await prep, then post(shared, prep's result, the loop's last action)");
  }
  // #endregion flow-run
}
// #endregion flow
