import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { chunkSections, loadLessons, parseLesson } from "./lessons";
import { citedLessons, SectionSearch } from "./search";

const FIXTURES = fileURLToPath(new URL("./fixtures/lessons/", import.meta.url));

describe("the lesson corpus", () => {
  it("turns MDX into plain text sections split at headings", async () => {
    const lessons = await loadLessons(FIXTURES);
    expect(lessons.map((lesson) => lesson.slug)).toEqual(["03-retries", "06-the-flow", "08-batch"]);
    const flow = lessons[1];
    expect(flow?.title).toBe("The flow: the orchestration loop");
    expect(flow?.sections.map((s) => s.heading)).toEqual([
      "The flow: the orchestration loop",
      "The loop in four steps",
      "Copies",
    ]);
    const text = flow?.sections.map((s) => s.text).join("\n") ?? "";
    expect(text).not.toMatch(/CodeRegion|author's comment|import |---/);
    expect(text).toContain("`Node<S, P, E>`"); // inline code keeps its angle brackets
    expect(text).toContain("core API"); // link text kept, URL dropped
    expect(text).not.toContain("https://");
  });

  it("keeps code blocks as text without splitting at a # inside them", () => {
    const lesson = parseLesson("x", "## A\n```py\n# comment\nprint(1)\n```\nafter\n## B\ntext");
    expect(lesson.sections.map((s) => s.heading)).toEqual(["A", "B"]);
    expect(lesson.sections[0]?.text).toBe("# comment\nprint(1)\n\nafter");
  });

  it("drops MDX components even when their props span several lines", () => {
    const lesson = parseLesson(
      "x",
      '## A\nbefore\n<CodeRegion\n  file="core/index.ts"\n  region="flow"\n/>\nafter',
    );
    expect(lesson.sections[0]?.text).toBe("before\n\nafter");
  });

  it("chunks long sections at paragraph breaks", () => {
    const [section] = parseLesson("x", `## Long\n${"word ".repeat(50)}\n\n${"more ".repeat(50)}`).sections;
    const chunks = chunkSections(section ? [section] : [], 300);
    expect(chunks).toHaveLength(2);
    expect(chunks.map((c) => c.id)).toEqual(["x#long-1", "x#long-2"]);
  });

  it("ranks the section that matches with MiniSearch, forgiving word forms", async () => {
    const sections = (await loadLessons(FIXTURES)).flatMap((lesson) => lesson.sections);
    const search = new SectionSearch(sections);
    expect(search.search("how many retry attempts", 1)[0]?.section.id).toBe("03-retries#the-retry-loop");
    expect(search.search("which node runs next after post", 1)[0]?.section.slug).toBe("06-the-flow");
    expect(search.search("zebra", 3)).toEqual([]);
  });

  it("finds the lessons an answer cites, among those it was shown", () => {
    expect(citedLessons("See [06-the-flow] and [99-made-up], also [06-the-flow].", ["06-the-flow"])).toEqual([
      "06-the-flow",
    ]);
  });
});
