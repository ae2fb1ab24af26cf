// How the tracer hooks into a node: the marks it leaves on attached nodes (copied with every shallow
// copy a flow makes), and the wrappers around prep, exec and post, set where each hook is defined.
import type { Plain } from "./snapshot";
import type { TraceableNode, TraceStep } from "./recorder";

export const TRACER = Symbol("pocketflow.tracer");
export const ORIGIN = Symbol("pocketflow.trace.origin");
export const OWNER = Symbol("pocketflow.trace.owner");
const STEP = Symbol("pocketflow.trace.step");
export const SKIP = Symbol("pocketflow.trace.skip");
const WRAPPED = Symbol("pocketflow.trace.wrapped");
const HOOKS = ["prep", "exec", "post"] as const;
type HookName = (typeof HOOKS)[number];

type Hook = ((...args: unknown[]) => unknown) & { [WRAPPED]?: true; _isMockFunction?: boolean };
/** A node as the tracer sees it: its hooks, and the tracer's marks, which copies keep. */
export type Marked = TraceableNode &
  Record<HookName, Hook> & {
    [TRACER]?: StepSink;
    [ORIGIN]?: object;
    [OWNER]?: object;
    [STEP]?: OpenStep | undefined;
    [SKIP]?: true;
  };

export interface OpenStep {
  step: TraceStep;
  origin: object | undefined;
  shared: unknown;
  before: Plain;
  started: number;
}

const isPromise = (value: unknown): value is Promise<unknown> => value instanceof Promise;
export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The object a call of `object[name]()` finds the method on: the object itself or a prototype. */
function homeOf(object: object, name: string): object | undefined {
  for (let at: object | null = object; at; at = Object.getPrototypeOf(at) as object | null) {
    if (Object.hasOwn(at, name)) return at;
  }
  return undefined;
}

/** Runs `done` on a value now, or on a promise when it settles, keeping sync hooks sync. */
function settle<T>(value: T, done: (value: unknown) => void, failed: (error: unknown) => void): T {
  if (!isPromise(value)) {
    done(value);
    return value;
  }
  return value.then(
    (result) => (done(result), result),
    (error: unknown) => {
      failed(error);
      throw error;
    },
  ) as T;
}

/** Calls a hook; a throw (or a rejection) is reported to `failed` and passed on. */
function guarded(call: () => unknown, done: (value: unknown) => void, failed: (error: unknown) => void) {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    failed(error);
    throw error;
  }
  return settle(result, done, failed);
}

/** What a wrapper reports to: the tracer the node is attached to. */
export interface StepSink {
  begin(node: Marked, shared: unknown): OpenStep | undefined;
  close(open: OpenStep, action: unknown, error?: string): void;
}

// #region wrap-hooks
/** Wraps the node's prep, exec and post where they are defined, unless they already are. */
export function wrapHooks(node: Marked) {
  for (const name of HOOKS) {
    const home = homeOf(node, name) as Record<HookName, Hook> | undefined;
    const hook = home?.[name];
    if (!home || typeof hook !== "function" || hook[WRAPPED]) continue;
    // A test's spy stays exactly what the test made it: such a node is left out of the trace.
    if (hook._isMockFunction) {
      if (name !== "exec") node[SKIP] = true;
      continue;
    }
    const descriptor = Object.getOwnPropertyDescriptor(home, name);
    // A hook the node carries itself is copied to every copy only if it is enumerable: the
    // wrapper must travel exactly as the hook would have, so it keeps the hook's attributes.
    if (!descriptor?.writable) continue;
    const onInstance = home === node;
    Object.defineProperty(home, name, {
      ...descriptor,
      value: wrap(name, hook, onInstance ? undefined : home),
    });
  }
}
// #endregion wrap-hooks

/**
 * A traced hook: prep opens a step, exec counts calls and errors, post closes the step. `home` is the
 * prototype the hook is defined on (undefined: on the node itself). The wrapper acts only when the node
 * dispatches to it directly, so a `super.prep()` inside a subclass's prep is not a second step.
 */
function wrap(name: HookName, original: Hook, home: object | undefined): Hook {
  const acts = (node: Marked) =>
    node[TRACER] !== undefined &&
    (home === undefined ? Object.hasOwn(node, name) : homeOf(node, name) === home);
  let traced: Hook;
  if (name === "prep") {
    traced = function (this: Marked, shared) {
      if (!acts(this)) return original.call(this, shared);
      const tracer = this[TRACER];
      const open = tracer?.begin(this, shared);
      this[STEP] = open;
      if (!open) return original.call(this, shared);
      return guarded(
        () => original.call(this, shared),
        () => undefined,
        (error) => tracer?.close(open, undefined, messageOf(error)),
      );
    };
  } else if (name === "exec") {
    traced = function (this: Marked, input) {
      const open = this[STEP];
      if (!acts(this) || !open || open.step.status !== "running") return original.call(this, input);
      open.step.execCalls += 1;
      const failed = (error: unknown) => {
        if (open.step.execErrors.length < 20) open.step.execErrors.push(messageOf(error));
      };
      return guarded(
        () => original.call(this, input),
        () => undefined,
        failed,
      );
    };
  } else {
    traced = function (this: Marked, shared, prepRes, execRes) {
      const open = this[STEP];
      const tracer = this[TRACER];
      if (!acts(this) || !open || !tracer) return original.call(this, shared, prepRes, execRes);
      this[STEP] = undefined;
      return guarded(
        () => original.call(this, shared, prepRes, execRes),
        (action) => tracer.close(open, action),
        (error) => tracer.close(open, undefined, messageOf(error)),
      );
    };
  }
  traced[WRAPPED] = true;
  Object.defineProperty(traced, "name", { value: original.name }); // stack traces name the real hook
  return traced;
}
