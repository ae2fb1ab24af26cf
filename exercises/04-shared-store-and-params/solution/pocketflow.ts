// PocketFlow in TypeScript: nodes that share a store, linked into a graph by actions.

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

const sleep = (seconds: number) => new Promise((done) => setTimeout(done, seconds * 1000));
// #endregion helpers

// #region base-node
/** S: shared store · P: prep's result · E: what post receives · I/O: what one exec call takes and gives. */
export class BaseNode<S = unknown, P = unknown, E = unknown, I = P, O = E> {
  params: Params = {};

  // #region set-params
  setParams(params: Params): void {
    this.params = params;
  }
  // #endregion set-params

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
