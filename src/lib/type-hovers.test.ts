// The listings' types: twoslash sees a region in its file's context and shows only the region, and
// its environment resolves what the files import. The build skips twoslash's own error check (tsc
// and the exercise check cover these files), so here a sample of listings is checked with errors on:
// a misconfigured environment would otherwise show `any` everywhere without a word.
import { readFileSync } from "node:fs";
import { createHighlighter } from "shiki";
import { createTwoslasher } from "twoslash";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { loadRegion } from "./regions";
import { listingCompilerOptions, twoslashSource, typeHoverTransformers } from "./type-hovers";

const SAMPLE = [
  ["core/index.ts", "node"], // a class that extends another
  ["content/snippets/03-retries-and-fallback/rate-review.ts", "rate-review"], // imports the core
  ["content/snippets/12-structured-output/triage.ts", "node"], // imports yaml
  ["exercises/08-batch/solution/pocketflow.ts", "batch-flow"], // a learner's file, outside tsconfig
] as const;

// The build's environment, with twoslash's error check on.
const twoslasher = createTwoslasher({
  tsModule: ts,
  vfsRoot: process.cwd(),
  compilerOptions: listingCompilerOptions(),
});

describe("types in the listings", { timeout: 30_000 }, () => {
  it.each(SAMPLE)("%s › %s: shows exactly the region, typed with no errors", (file, region) => {
    const result = twoslasher(twoslashSource(file, readFileSync(file, "utf8"), region), "ts");
    expect(result.code).toBe(`${loadRegion(file, region)}\n`);
    expect(result.errors).toEqual([]);
    const hovers = result.hovers.map((hover) => hover.text);
    expect(hovers.length).toBeGreaterThan(5);
    expect(hovers.filter((text) => /: any$/.test(text))).toEqual([]);
  });

  it("renders the listing with one data-type per typed name and no empty last line", async () => {
    const highlighter = await createHighlighter({ themes: ["github-light"], langs: ["ts"] });
    const file = "core/index.ts";
    const html = highlighter.codeToHtml(twoslashSource(file, readFileSync(file, "utf8"), "types"), {
      lang: "ts",
      theme: "github-light",
      transformers: typeHoverTransformers(),
    });
    expect(html).toContain('<span data-type="type Action = string">Action</span>');
    expect(html).not.toMatch(/<span class="line"><\/span><\/code>/);
    expect(html.match(/class="line"/g)).toHaveLength(loadRegion(file, "types").split("\n").length);
  });

  it("gives a node's members their types from the core's generics", () => {
    const file = "content/snippets/03-retries-and-fallback/rate-review.ts";
    const { hovers } = twoslasher(twoslashSource(file, readFileSync(file, "utf8"), "rate-review"), "ts");
    expect(hovers.map((hover) => hover.text)).toContain(
      "(property) Node<Store, string, number, string, number>.curRetry: number",
    );
  });
});
