// What the API check looks for in a suite, and the suite it writes.
import { describe, expect, it } from "vitest";
import { apiSuite, vitestApiUsedBy } from "./vitest-api";

const suite = `import { describe, expect, it, vi, type Mock } from "vitest";
import { beforeEach as before } from "vitest";
describe("x", () => {
  it("y", async () => {
    const spy = vi.fn();
    vi.spyOn(console, "warn");
    expect(spy).not.toHaveBeenCalled();
    expect.assertions(1);
    expect({ a: 1 }).toEqual(expect.objectContaining({ a: expect.any(Number) }));
    await expect(Promise.resolve(1)).resolves.toBe(1);
    expect((1.5).toFixed(1)).toBe("1.5");
    expectTypeOf(spy).toEqualTypeOf<Mock>();
  });
});`;

describe("the vitest API a suite uses", () => {
  it("finds named imports, vi members, expect statics and matchers, not JavaScript's own methods", () => {
    const use = vitestApiUsedBy([suite]);
    expect([...use.exports].sort()).toEqual(["beforeEach", "describe", "expect", "it", "vi"]);
    expect([...use.vi].sort()).toEqual(["fn", "spyOn"]);
    expect([...use.expectStatics].sort()).toEqual(["any", "assertions", "objectContaining"]);
    expect([...use.matchers].sort()).toEqual([
      "not",
      "resolves",
      "toBe",
      "toEqual",
      "toEqualTypeOf",
      "toHaveBeenCalled",
    ]);
  });

  it("writes one test per name, and no block for an unused part", () => {
    const source = apiSuite(vitestApiUsedBy(['import { it } from "vitest";\nit("a", () => undefined);']));
    expect(source).toContain('it.each(["it"])("%s"');
    expect(source).not.toContain('describe("vi"');
  });
});
