// The learner's code runs in the same realm as the runner, so it can replace what the runner and the
// report rely on. Before any learner code loads, the worker takes what it reports with (postMessage,
// JSON.stringify, Reflect.apply), locks the promise methods every await goes through, replaces
// close() (it would end the worker silently), and notes the built-ins' own properties. After the
// tests, any built-in the learner's code replaced is put back, and the run becomes an error that
// says so. A determined learner can still fake a pass (see src/workspace/README.md); an honest one
// who patches a built-in by mistake is told, never misled.
import type { RunProblem } from "../report";

/** Objects whose own properties the runner and the report use; tests may spy on others (console, Math, Date). */
const WATCHED: Record<string, object> = {
  Object,
  "Object.prototype": Object.prototype,
  Array,
  "Array.prototype": Array.prototype,
  "Function.prototype": Function.prototype,
  Promise,
  "Promise.prototype": Promise.prototype,
  "Map.prototype": Map.prototype,
  "Set.prototype": Set.prototype,
  "WeakMap.prototype": WeakMap.prototype,
  "String.prototype": String.prototype,
  JSON,
  Reflect,
  Error,
  "Error.prototype": Error.prototype,
  Symbol,
};

/** Prototypes that must not gain properties either (`Object.prototype.then` makes every object a thenable). */
const CLOSED = new Set(["Object.prototype", "Array.prototype", "Function.prototype", "Promise.prototype"]);

const GLOBALS = [
  "Object",
  "Array",
  "Function",
  "Promise",
  "Map",
  "Set",
  "WeakMap",
  "String",
  "JSON",
  "Reflect",
  "Error",
  "Symbol",
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "queueMicrotask",
  "MessagePort",
];

/** Methods locked outright: patching them could rewrite every awaited result. */
const LOCKED: [object, string][] = [
  [Promise.prototype, "then"],
  [Promise.prototype, "catch"],
  [Promise.prototype, "finally"],
];

export const CLOSE_MESSAGE =
  "close() would stop the test worker, so exercises cannot call it (the tests after it would never run).";

export interface Guard {
  /** MessagePort.prototype.postMessage as it was when the worker started. */
  post(port: MessagePort, message: unknown): void;
  /** JSON.stringify as it was. */
  stringify(value: unknown): string;
  /** Puts back every watched built-in the learner's code changed; a problem naming them, if any. */
  checkIntegrity(): RunProblem | undefined;
}

type Snapshot = {
  label: string;
  target: object;
  keys: PropertyKey[];
  descriptors: (PropertyDescriptor | undefined)[];
};

export function guardRealm(scope: object = globalThis): Guard {
  const { apply, ownKeys, getOwnPropertyDescriptor, defineProperty, deleteProperty } = Reflect;
  const postMessage = MessagePort.prototype.postMessage;
  const stringify = JSON.stringify;
  const is = Object.is;
  const toText = String;

  for (const [target, key] of LOCKED) {
    const descriptor = getOwnPropertyDescriptor(target, key);
    if (descriptor) defineProperty(target, key, { ...descriptor, writable: false, configurable: false });
  }
  // close() lives on the worker scope's prototype chain; replace it wherever it is defined.
  for (let owner: object | null = scope; owner; owner = Object.getPrototypeOf(owner) as object | null) {
    if (!Object.hasOwn(owner, "close")) continue;
    defineProperty(owner, "close", {
      value: function close() {
        throw new Error(CLOSE_MESSAGE);
      },
      writable: false,
      configurable: false,
    });
  }

  const targets: [string, object, PropertyKey[]][] = Object.entries(WATCHED).map(([label, target]) => [
    label,
    target,
    ownKeys(target),
  ]);
  targets.push(["globalThis", scope, GLOBALS.filter((key) => Object.hasOwn(scope, key))]);
  const snapshots: Snapshot[] = targets.map(([label, target, keys]) => ({
    label,
    target,
    keys,
    descriptors: keys.map((key) => getOwnPropertyDescriptor(target, key)),
  }));

  const same = (a: PropertyDescriptor | undefined, b: PropertyDescriptor | undefined) =>
    a !== undefined && b !== undefined && is(a.value, b.value) && is(a.get, b.get) && is(a.set, b.set);

  function checkIntegrity(): RunProblem | undefined {
    // Until everything is put back, only what was taken above is used: no method of a built-in.
    const changed: string[] = [];
    for (let s = 0; s < snapshots.length; s += 1) {
      const { label, target, keys, descriptors } = snapshots[s] as Snapshot;
      for (let k = 0; k < keys.length; k += 1) {
        const key = keys[k] as PropertyKey;
        const before = descriptors[k];
        if (same(before, getOwnPropertyDescriptor(target, key))) continue;
        changed[changed.length] = `${label}.${toText(key)}`;
        if (before) defineProperty(target, key, before);
      }
    }
    for (const { label, target, keys } of snapshots) {
      if (!CLOSED.has(label)) continue;
      for (const key of ownKeys(target)) {
        if (keys.includes(key)) continue;
        changed.push(`${label}.${String(key)}`);
        deleteProperty(target, key);
      }
    }
    if (changed.length === 0) return undefined;
    const names =
      changed.slice(0, 5).join(", ") + (changed.length > 5 ? ` and ${changed.length - 5} more` : "");
    return {
      kind: "engine",
      message:
        `The code changed ${names}, which the test runner relies on, so these results cannot be trusted. ` +
        "Leave JavaScript's built-in objects as they are, then run the tests again.",
    };
  }

  return {
    post: (port, message) => apply(postMessage, port, [message]),
    stringify: (value) => apply(stringify, JSON, [value]) as string,
    checkIntegrity,
  };
}
