// `expect` assembled from @vitest/expect's own chai plugins, wired the way vitest wires it: one
// global expect whose state (assertion counts, expect.assertions, the current test) is reset before
// each test, plus a lazily created local expect for a test's context (`({ expect }) => …`).
import {
  ASYMMETRIC_MATCHERS_OBJECT,
  ChaiStyleAssertions,
  GLOBAL_EXPECT,
  JestAsymmetricMatchers,
  JestChaiExpect,
  JestExtend,
  addCustomEqualityTesters,
  chai,
  customMatchers,
  getState,
  setState,
  type ExpectStatic,
  type MatcherState,
  type Tester,
} from "@vitest/expect";
import { getCurrentTest, type Test } from "@vitest/runner";

chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(ChaiStyleAssertions);
chai.use(JestAsymmetricMatchers);

type Assertion = ReturnType<typeof chai.expect> & { withTest(test: Test): Assertion };

/** What a fresh test starts with: no assertions made, none expected. */
export const freshAssertionState = (): Partial<MatcherState> => ({
  assertionCalls: 0,
  isExpectingAssertions: false,
  isExpectingAssertionsError: null,
  expectedAssertionsNumber: null,
  expectedAssertionsNumberErrorGen: null,
});

const globalRecord = globalThis as unknown as Record<symbol, unknown>;

export function createExpect(test?: Test): ExpectStatic {
  const expect = ((value: unknown, message?: string) => {
    setState({ assertionCalls: getState(expect).assertionCalls + 1 }, expect);
    const assertion = chai.expect(value, message) as Assertion;
    // The test lets expect.soft record failures and lets un-awaited `.resolves` be awaited.
    const current = test ?? getCurrentTest();
    return current ? assertion.withTest(current) : assertion;
  }) as unknown as ExpectStatic;
  Object.assign(expect, chai.expect);
  Object.assign(expect, globalRecord[ASYMMETRIC_MATCHERS_OBJECT]);
  expect.getState = () => getState(expect);
  expect.setState = (state) => setState(state, expect);
  const inherited = globalRecord[GLOBAL_EXPECT]
    ? getState(globalRecord[GLOBAL_EXPECT] as ExpectStatic)
    : undefined;
  setState(
    {
      ...inherited,
      ...freshAssertionState(),
      currentTestName: test?.fullTestName ?? inherited?.currentTestName,
    },
    expect,
  );

  const extras = {
    assert: chai.assert,
    extend: (matchers: Parameters<ExpectStatic["extend"]>[0]) =>
      (chai.expect as unknown as { extend(target: ExpectStatic, m: typeof matchers): void }).extend(
        expect,
        matchers,
      ),
    addEqualityTesters: (testers: Tester[]) => addCustomEqualityTesters(testers),
    soft: (value: unknown, message?: string) =>
      (expect(value, message) as unknown as { withContext(c: object): unknown }).withContext({ soft: true }),
    unreachable: (message?: string) => {
      chai.assert.fail(`expected${message ? ` "${message}" ` : " "}not to be reached`);
    },
    poll: () => {
      throw new Error("expect.poll is not available in exercises: await the value, then expect it");
    },
  };
  Object.assign(expect, extras);
  chai.util.addMethod(expect, "assertions", (expected: number) => {
    const errorGen = () =>
      new Error(
        `expected number of assertions to be ${expected}, but got ${getState(expect).assertionCalls}`,
      );
    setState({ expectedAssertionsNumber: expected, expectedAssertionsNumberErrorGen: errorGen }, expect);
  });
  chai.util.addMethod(expect, "hasAssertions", () => {
    const error = new Error("expected any number of assertion, but got none");
    setState({ isExpectingAssertions: true, isExpectingAssertionsError: error }, expect);
  });
  return expect;
}

/** The module-level `expect` that suites import; registered where @vitest/expect looks for it. */
export const globalExpect = createExpect();
globalExpect.extend(customMatchers);
Object.defineProperty(globalThis, GLOBAL_EXPECT, { value: globalExpect, writable: true, configurable: true });

/** Throws when a test broke its own `expect.assertions(n)` / `expect.hasAssertions()` promise. */
export function checkAssertionCounts(expect: ExpectStatic) {
  const state = getState(expect);
  if (state.expectedAssertionsNumber !== null && state.assertionCalls !== state.expectedAssertionsNumber) {
    throw state.expectedAssertionsNumberErrorGen?.() ?? new Error("wrong number of assertions");
  }
  if (state.isExpectingAssertions && state.assertionCalls === 0) {
    throw state.isExpectingAssertionsError ?? new Error("expected any number of assertion, but got none");
  }
}
