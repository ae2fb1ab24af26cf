// Small suites that pin down engine behaviour the exercises may not reach yet: matchers, mocks,
// hooks, names, isolation between files, and suites that cannot load. Both engines run them.
import type { Files } from "../../src/lib/exercises/schema";

export interface Fixture {
  id: string;
  files: Files;
  tests: Files;
}

const matchers = `import { afterEach, beforeAll, beforeEach, describe, expect, it, test, vi } from "vitest";
import YAML from "yaml";
import { add, fail } from "../calc";
import { shout } from "../lib";

const tracker = vi.fn();

describe("expect", () => {
  it("passes toEqual on equal objects", () => expect({ a: [1, 2] }).toEqual({ a: [1, 2] }));
  it("fails toEqual with expected and actual", () => expect(add(1, 1)).toEqual(3));
  it("checks thrown errors", () => expect(() => fail("boom")).toThrow("boom"));
  it("awaits resolves and rejects", async () => {
    await expect(Promise.resolve(2)).resolves.toBe(2);
    await expect(Promise.reject(new Error("no"))).rejects.toThrow("no");
  });
  it("fails when expect.assertions is not met", () => {
    expect.assertions(2);
    expect(1).toBe(1);
  });
  it("passes when expect.assertions is met", () => {
    expect.assertions(1);
    expect(1).toBe(1);
  });
  it("fails hasAssertions without assertions", () => {
    expect.hasAssertions();
  });
  it("fails a soft expectation and runs on", () => {
    expect.soft(1).toBe(2);
    expect(1).toBe(1);
  });
  it("matches asymmetrically", () =>
    expect({ id: 7, name: "x" }).toEqual(expect.objectContaining({ id: expect.any(Number) })));
  it("has vitest's extra matchers", () => expect(3).toBeOneOf([1, 2, 3]));
  it("gives the test context an expect", ({ expect }) => {
    expect.assertions(1);
    expect(true).toBe(true);
  });
});

describe("mocks", () => {
  it("records calls", () => {
    tracker("a");
    expect(tracker).toHaveBeenCalledWith("a");
  });
  it("starts each test with cleared mocks", () => expect(tracker).not.toHaveBeenCalled());
  it("spies and restores", () => {
    const spy = vi.spyOn(Math, "max").mockReturnValue(0);
    expect(Math.max(1, 2)).toBe(0);
    spy.mockRestore();
    expect(Math.max(1, 2)).toBe(2);
  });
  it("leaves console.warn spied at the end of the file", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    console.warn("hidden");
    expect(console.warn).toHaveBeenCalledOnce();
  });
});

describe("names > with arrows", () => {
  it("keeps nested > names", () => expect(shout("a")).toBe("A!"));
});

describe.each([1, 2])("table %i", (n) => {
  it.each([[n, n * 2]])("doubles %i to %i", (a, b) => expect(a * 2).toBe(b));
});

describe("hooks", () => {
  let count = 0;
  beforeEach(() => {
    count += 1;
  });
  afterEach(() => undefined);
  it("runs beforeEach", () => expect(count).toBe(1));
  it("runs it again", () => expect(count).toBe(2));
});

describe("a failing beforeAll", () => {
  beforeAll(() => {
    throw new Error("setup failed");
  });
  it("does not run its tests", () => undefined);
});

it.skip("is skipped", () => undefined);
it.todo("is still to do");
it.fails("is expected to fail", () => {
  throw new Error("as expected");
});
test("parses yaml", () => expect(YAML.parse("a: 1")).toEqual({ a: 1 }));
`;

const isolation = `import { expect, it, vi } from "vitest";
import { add } from "../calc.js";

it("starts with the real console.warn: files are isolated", () => {
  expect(vi.isMockFunction(console.warn)).toBe(false);
  expect(add(2, 2)).toBe(4);
});
`;

const importsPocketflow = `import { describe, expect, it } from "vitest";
import { value } from "../pocketflow";

describe("loading", () => {
  it("imports the learner's file", () => expect(value).toBe(1));
});
`;

export const fixtures: Fixture[] = [
  {
    id: "engine-matchers",
    files: {
      "calc.ts": `export const add = (a: number, b: number): number => a + b;
export function fail(message: string): never {
  throw new Error(message);
}
`,
      "lib/index.ts": `export const shout = (text: string) => \`\${text.toUpperCase()}!\`;\n`,
    },
    tests: { "tests/matchers.test.ts": matchers, "tests/isolation.test.ts": isolation },
  },
  {
    id: "engine-syntax-error",
    files: { "pocketflow.ts": "export const value: number = ;\n" },
    tests: { "tests/load.test.ts": importsPocketflow },
  },
  {
    id: "engine-unknown-package",
    files: { "pocketflow.ts": 'import pad from "left-pad";\nexport const value = pad("1", 1);\n' },
    tests: { "tests/load.test.ts": importsPocketflow },
  },
  {
    id: "engine-throws-on-load",
    files: { "pocketflow.ts": 'export const value = 1;\nthrow new Error("broken at load");\n' },
    tests: { "tests/load.test.ts": importsPocketflow },
  },
  {
    id: "engine-no-tests",
    files: { "pocketflow.ts": "export const value = 1;\n" },
    tests: { "tests/empty.test.ts": 'import { value } from "../pocketflow";\nvoid value;\n' },
  },
];

const usesValue = (body: string) => `import { describe, expect, it } from "vitest";
import { value } from "../value";

${body}`;
const valueFile = { "value.ts": "export const value = 1;\n" };

/** Runs whose truth is easy to miss: a second file that does not load, errors outside any test,
 *  values that are not errors, huge values. Both engines must agree on each test and on the run. */
export const truthFixtures: Fixture[] = [
  {
    id: "engine-second-file-syntax-error",
    files: {
      ...valueFile,
      "shout.ts": "export function shout(text: string) {\n  return text.toUpperCase() +;\n}\n",
    },
    tests: {
      "tests/a-value.test.ts": usesValue('it("reads the value", () => expect(value).toBe(1));\n'),
      "tests/b-shout.test.ts": `import { describe, expect, it } from "vitest";
import { shout } from "../shout";

describe("shout", () => {
  it("shouts", () => expect(shout("a")).toBe("A"));
  it("keeps empty text empty", () => expect(shout("")).toBe(""));
});
`,
    },
  },
  {
    id: "engine-test-file-throws-on-load",
    files: valueFile,
    tests: {
      "tests/a-value.test.ts": usesValue('it("reads the value", () => expect(value).toBe(1));\n'),
      "tests/b-broken.test.ts": usesValue(
        'it("is never collected", () => expect(value).toBe(1));\nthrow new Error("the suite itself is broken");\n',
      ),
    },
  },
  {
    id: "engine-stray-errors",
    files: valueFile,
    tests: {
      "tests/stray.test.ts": usesValue(`describe("errors outside any test", () => {
  it("rejects a promise nobody awaits", async () => {
    void Promise.reject(new Error("nobody awaited me"));
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
  it("throws from a timer", async () => {
    setTimeout(() => {
      throw new Error("thrown from a timer");
    }, 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
  });
  it("passes", () => expect(value).toBe(1));
});
`),
    },
  },
  {
    id: "engine-thrown-values",
    files: valueFile,
    tests: {
      "tests/thrown.test.ts": usesValue(`describe("throws", () => {
  it("an object", () => {
    throw { weird: true };
  });
  it("an object with no prototype", () => {
    throw Object.create(null);
  });
  it("a symbol", () => {
    throw Symbol("odd");
  });
  it("a huge string", () => {
    throw "y".repeat(1_000_000);
  });
  it("undefined", () => {
    throw undefined;
  });
  it("calls close() on the worker's scope", () => {
    (self as unknown as { close(): void }).close();
  });
  it("passes", () => expect(value).toBe(1));
});
`),
    },
  },
  {
    id: "engine-huge-values",
    files: {
      "value.ts": "export const value = Array.from({ length: 30_000 }, (_, i) => ({ i }));\n",
    },
    tests: {
      "tests/huge.test.ts": usesValue(`it("compares a huge array", () => expect(value).toEqual([]));
it("compares huge strings", () => {
  const lines = (from: number) => Array.from({ length: 30_000 }, (_, i) => \`line \${i + from}\`).join("\\n");
  expect(lines(0)).toBe(lines(1));
});
it("passes", () => expect(value).toHaveLength(30_000));
`),
    },
  },
];

/** Worker only (Node cannot stop a synchronous loop): a run that never ends must time out. */
export const endlessLoop: Fixture = {
  id: "engine-endless-loop",
  files: { "loop.ts": "export function spin(): number {\n  while (true) {}\n}\n" },
  tests: {
    "tests/loop.test.ts": `import { expect, it } from "vitest";
import { spin } from "../loop";

it("finishes quickly", () => expect(1 + 1).toBe(2));
it("spins forever", () => expect(spin()).toBe(1));
`,
  },
};

/** A small suite for measuring cold and warm runs. */
export const smallSuite: Fixture = {
  id: "engine-small",
  files: { "pocketflow.ts": "export const value = 1;\n" },
  tests: { "tests/load.test.ts": importsPocketflow },
};
