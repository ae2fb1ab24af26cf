// What `vitest` exports that @vitest/runner provides: the collectors and hooks a suite calls at its
// top level. Shared by the worker's `vitest` (packages.ts) and the planning one (collect.ts).
import * as runner from "@vitest/runner";

export const RUNNER_API = {
  describe: runner.describe,
  suite: runner.suite,
  it: runner.it,
  test: runner.test,
  beforeAll: runner.beforeAll,
  afterAll: runner.afterAll,
  beforeEach: runner.beforeEach,
  afterEach: runner.afterEach,
  aroundAll: runner.aroundAll,
  aroundEach: runner.aroundEach,
  onTestFailed: runner.onTestFailed,
  onTestFinished: runner.onTestFinished,
};
