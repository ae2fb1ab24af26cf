// PocketFlow in TypeScript: nodes that share a store, linked into a graph by actions.
//
// Exercise 2, the node. This file starts your pocketflow.ts, the one file you grow through part 1:
// it holds the types, the `then` helper and BaseNode's default hooks. Fill in the two TODOs in
// BaseNode (`_run` and `run`), then write the node in nodes.ts. A hook may return a plain value or a
// promise, so chain them with `then` (below).
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */

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
    // prep(shared) → p; this._exec(p) → e; post(shared, p, e) → the action. Plain values go straight on.
    throw new Error("TODO: _run: chain prep, _exec and post with `then`, and return what post returns");
  }
  // #endregion lifecycle

  // #region run
  async run(shared: S): Promise<Action | undefined> {
    throw new Error(
      "TODO: run: await this._run(shared); resolve to its action, or undefined if there is none",
    );
  }
  // #endregion run
}
// #endregion base-node
