// PocketFlow in TypeScript: nodes that share a store, linked into a graph by actions.

// #region types
/** What `post` returns to pick the next node; empty or missing means "default". */
export type Action = string;
/** Hooks may be sync or async: the framework awaits only real promises. */
export type MaybePromise<T> = T | Promise<T>;
// #endregion types

// #region helpers
const isPromise = <T>(value: MaybePromise<T>): value is Promise<T> => value instanceof Promise;

/** Calls `next` at once on a plain value, or when a promise resolves. */
const then = <T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>) =>
  isPromise(value) ? value.then(next) : next(value);
// #endregion helpers

// #region base-node
/** S: shared store · P: prep's result · E: what post receives · I/O: what one exec call takes and gives. */
export class BaseNode<S = unknown, P = unknown, E = unknown, I = P, O = E> {
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
