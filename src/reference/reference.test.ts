// Content checks for content/reference: every page's front-matter validates, and the lessons it names
// exist and link to it, so the page and the lessons cannot lose each other.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { projectRoot } from "../lib/exercises/load";
import { referenceSchema } from "../lib/reference-schema";

const referenceDir = join(projectRoot, "content", "reference");
const pages = readdirSync(referenceDir).filter((name) => name.endsWith(".mdx"));

describe.each(pages)("reference page %s", (file) => {
  const source = readFileSync(join(referenceDir, file), "utf8");
  const frontMatter = parseYaml(/^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? "") as unknown;
  const parsed = referenceSchema.safeParse(frontMatter);
  const href = `/reference/${file.replace(/\.mdx$/, "")}/`;

  it("has front-matter that matches the reference schema", () => {
    expect(parsed.success, parsed.error?.message).toBe(true);
  });

  it("is linked from every lesson it names", () => {
    for (const lesson of parsed.data?.lessons ?? []) {
      const path = join(projectRoot, "content", "lessons", `${lesson}.mdx`);
      expect(existsSync(path), `content/lessons/${lesson}.mdx should exist`).toBe(true);
      expect(readFileSync(path, "utf8"), `lesson ${lesson} should link to ${href}`).toContain(`](${href})`);
    }
  });
});
