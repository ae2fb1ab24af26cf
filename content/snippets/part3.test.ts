// The snippets of part 3 print what the lessons say they print: each `// → ` comment is a line of the
// output, checked here by running the snippet, so a lesson's listing cannot drift from what the code does.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";

const here = fileURLToPath(new URL(".", import.meta.url));
const snippets = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /^(1[89]|2[0-2])-/.test(entry.name))
  .flatMap((dir) =>
    readdirSync(join(here, dir.name))
      .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
      .map((name) => `${dir.name}/${name}`),
  );

afterEach(() => vi.restoreAllMocks());

describe.each(snippets)("the snippet %s", (snippet) => {
  it("prints exactly the output its comments show", async () => {
    const source = readFileSync(join(here, snippet), "utf8");
    const expected = [...source.matchAll(/^\s*\/\/ → ?(.*)$/gm)].map((match) => match[1] ?? "");
    const printed: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      printed.push(...args.map(String).join(" ").split("\n"));
    });
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await import(pathToFileURL(join(here, snippet)).href);
    expect(printed).toEqual(expected);
  });
});
