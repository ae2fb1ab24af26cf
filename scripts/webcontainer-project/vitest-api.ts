// Which parts of vitest's API the hidden suites use, and a suite that checks each exists in the
// vitest the sandbox pins: a suite written against the CLI's newer vitest must not reach the
// WebContainer and fail there with "x is not a function".

export interface VitestApiUse {
  /** Named imports from "vitest": describe, it, expect, vi, … */
  exports: Set<string>;
  /** vi.fn, vi.spyOn, … */
  vi: Set<string>;
  /** expect.any, expect.assertions, expect.soft, … */
  expectStatics: Set<string>;
  /** toBe, toEqual, not, resolves, … on an expectation. */
  matchers: Set<string>;
}

const IMPORT = /import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+["']vitest["']/g;

/** `.toFixed(`, `.toUpperCase(`: JavaScript's own methods, not matchers. */
const BUILT_IN_METHODS = new Set(
  [String, Number, Array, Date, Object, BigInt, Symbol, Function, RegExp].flatMap((type) =>
    Object.getOwnPropertyNames(type.prototype),
  ),
);

export function vitestApiUsedBy(sources: Iterable<string>): VitestApiUse {
  const use: VitestApiUse = {
    exports: new Set(),
    vi: new Set(),
    expectStatics: new Set(),
    matchers: new Set(),
  };
  for (const source of sources) {
    for (const [, names = ""] of source.matchAll(IMPORT)) {
      for (const part of names.split(",")) {
        const name = part
          .trim()
          .replace(/^type\s+/, "")
          .split(/\s+as\s+/)[0]
          ?.trim();
        // Type-only imports (`type Mock`) have nothing to check at run time.
        if (name && !part.trim().startsWith("type ")) use.exports.add(name);
      }
    }
    for (const [, name = ""] of source.matchAll(/\bvi\.(\w+)/g)) use.vi.add(name);
    for (const [, name = ""] of source.matchAll(/\bexpect\.(\w+)/g)) use.expectStatics.add(name);
    for (const [, name = ""] of source.matchAll(/\.(to[A-Z]\w*|not|resolves|rejects)\b/g)) {
      if (!BUILT_IN_METHODS.has(name)) use.matchers.add(name);
    }
  }
  return use;
}

const list = (names: Set<string>) => JSON.stringify([...names].sort());

const CHECKS: { key: keyof VitestApiUse; title: string; test: string; check: string }[] = [
  { key: "exports", title: "vitest exports", test: "%s", check: "has(vitest, name)" },
  {
    key: "vi",
    title: "vi",
    test: "vi.%s",
    check: 'typeof (vi as Record<string, unknown>)[name] === "function"',
  },
  { key: "expectStatics", title: "expect", test: "expect.%s", check: "has(expect, name)" },
  // A matcher of expect, or of expectTypeOf's chain (`.toEqualTypeOf`, checked by tsc).
  {
    key: "matchers",
    title: "matchers",
    test: ".%s",
    check: "has(expect(0), name) || has(expectTypeOf(0), name)",
  },
];

/** A suite with one test per name: it passes in a vitest that has everything the suites use. */
export function apiSuite(use: VitestApiUse): string {
  const blocks = CHECKS.filter(({ key }) => use[key].size > 0).map(
    ({ key, title, test, check }) =>
      `describe(${JSON.stringify(title)}, () => {\n` +
      `  it.each(${list(use[key])})(${JSON.stringify(test)}, (name) => expect(${check}).toBe(true));\n});\n`,
  );
  return [
    'import * as vitest from "vitest";',
    'import { describe, expect, expectTypeOf, it, vi } from "vitest";',
    "",
    "const has = (owner: object, name: string) => name in owner;",
    "",
    ...blocks,
  ].join("\n");
}
