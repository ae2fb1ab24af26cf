// The only packages exercise code may import in the worker: `vitest` (built from vitest's own
// packages) and `yaml`. Module objects look like ES module namespaces to sucrase's interop.
import { chai } from "@vitest/expect";
import * as spy from "@vitest/spy";
import * as yaml from "yaml";
import { globalExpect } from "./expect";
import type { PackageTable } from "./modules";
import { RUNNER_API } from "./runner-api";

/** `expectTypeOf(x).parameter(0).toEqualTypeOf<T>()`: types are checked by tsc, so at run time
 *  every step of the chain is accepted and does nothing, as in vitest. */
function typeAssertionChain(): unknown {
  const chain: unknown = new Proxy(() => chain, {
    get: (_target, key) => (key === "then" ? undefined : chain),
    apply: () => chain,
  });
  return chain;
}

const unavailable = (what: string, instead: string) => () => {
  throw new Error(`${what} is not available in exercises: ${instead}`);
};

const INJECT = "inject what the code needs (pass a stand-in to a constructor or in the shared store)";

const INJECTED = [
  "mock",
  "doMock",
  "unmock",
  "hoisted",
  "importActual",
  "importMock",
  "stubGlobal",
  "stubEnv",
];
const TIMERS = [
  "useFakeTimers",
  "advanceTimersByTime",
  "runAllTimers",
  "runOnlyPendingTimers",
  "setSystemTime",
];

export const vi = {
  fn: spy.fn,
  spyOn: spy.spyOn,
  isMockFunction: spy.isMockFunction,
  clearAllMocks: spy.clearAllMocks,
  resetAllMocks: spy.resetAllMocks,
  restoreAllMocks: spy.restoreAllMocks,
  mocked: <T>(value: T): T => value,
  useRealTimers: () => vi,
  ...Object.fromEntries(INJECTED.map((name) => [name, unavailable(`vi.${name}`, INJECT)])),
  ...Object.fromEntries(TIMERS.map((name) => [name, unavailable(`vi.${name}`, "use short real delays")])),
};

function vitestModule(): object {
  const expectTypeOf = () => typeAssertionChain();
  return {
    __esModule: true,
    ...RUNNER_API,
    expect: globalExpect,
    assert: chai.assert,
    chai,
    vi,
    vitest: vi,
    expectTypeOf,
    assertType: () => undefined,
  };
}

export const ALLOWED_PACKAGES: PackageTable = {
  vitest: vitestModule,
  yaml: () => ({ ...yaml, __esModule: true }),
};
