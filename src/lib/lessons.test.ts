// Content checks that run in `npm test`, before any build: every lesson's front-matter validates,
// lessons and exercises point at each other, and every code region a lesson pulls in exists.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { listExerciseSlugs, loadExercise, projectRoot } from "./exercises/load";
import { lessonSchema } from "./lesson-schema";
import { loadRegion } from "./regions";

const lessonsDir = join(projectRoot, "content", "lessons");
const lessonFiles = readdirSync(lessonsDir).filter((name) => name.endsWith(".mdx"));
const lessonSlugs = lessonFiles.map((name) => name.replace(/\.mdx$/, ""));

function readLesson(file: string) {
  const source = readFileSync(join(lessonsDir, file), "utf8");
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  return { source, frontMatter: match ? (parseYaml(match[1] ?? "") as unknown) : undefined };
}

/** The file and region of every <CodeRegion …/> in an MDX source. */
function codeRegionsIn(source: string) {
  return [...source.matchAll(/<CodeRegion\b([^>]*?)\/?>/g)].map(([, attributes = ""]) => ({
    file: /\bfile="([^"]+)"/.exec(attributes)?.[1] ?? "core/index.ts",
    region: /\bregion="([^"]+)"/.exec(attributes)?.[1],
  }));
}

describe.each(lessonFiles)("lesson %s", (file) => {
  const slug = file.replace(/\.mdx$/, "");
  const { source, frontMatter } = readLesson(file);

  it("has front-matter that matches the lesson schema", () => {
    const result = lessonSchema.safeParse(frontMatter);
    expect(result.success, result.error?.message).toBe(true);
  });

  it("names an exercise that exists and names this lesson back", () => {
    const exercise = lessonSchema.safeParse(frontMatter).data?.exercise;
    if (!exercise) return;
    expect(listExerciseSlugs(), `exercises/${exercise}/ should exist`).toContain(exercise);
    expect(loadExercise(exercise).meta.lesson).toBe(slug);
  });

  it("pulls only code regions that exist", () => {
    for (const { file: regionFile, region } of codeRegionsIn(source)) {
      expect(region, `a <CodeRegion> in ${file} has no region attribute`).toBeTruthy();
      expect(() => loadRegion(regionFile, region ?? "")).not.toThrow();
    }
  });
});

describe("the course", () => {
  it("numbers its lessons uniquely", () => {
    const orders = lessonFiles.map(
      (file) => lessonSchema.safeParse(readLesson(file).frontMatter).data?.order,
    );
    expect(new Set(orders).size).toBe(orders.length);
  });

  it.each(listExerciseSlugs())("exercise %s belongs to a lesson that exists", (slug) => {
    expect(lessonSlugs).toContain(loadExercise(slug).meta.lesson);
  });
});
