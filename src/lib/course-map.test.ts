import { describe, expect, it } from "vitest";
import { buildCourse, countOf, formatMinutes, type LessonData } from "./course-map";

const lesson = (order: number, part: 1 | 2 | 3, minutes = 10): LessonData => ({
  title: `Lesson ${order}`,
  description: `About ${order}.`,
  order,
  part,
  objectives: ["Learn it."],
  minutes,
});

describe("buildCourse", () => {
  const course = buildCourse([
    { id: "11-chatbot", data: lesson(11, 2, 20) },
    { id: "01-why", data: lesson(1, 1, 5) },
    { id: "02-node", data: lesson(2, 1, 15) },
    { id: "18-tracing", data: lesson(18, 3, 25) },
  ]);

  it("sorts lessons by order and groups them into parts with their total time", () => {
    expect(course.lessons.map((l) => l.slug)).toEqual(["01-why", "02-node", "11-chatbot", "18-tracing"]);
    expect(course.parts.map((p) => [p.title, p.lessons.length, p.minutes])).toEqual([
      ["Build the core", 2, 20],
      ["Patterns", 1, 20],
      ["Beyond 100 lines", 1, 25],
    ]);
    expect(course.minutes).toBe(65);
  });

  it("links each lesson to the one before and after it, across parts", () => {
    const [first, second, third] = course.lessons;
    expect(first?.prev).toBeUndefined();
    expect(first?.next?.href).toBe("/lessons/02-node/");
    expect(second?.next?.slug).toBe("11-chatbot");
    expect(third?.prev?.title).toBe("Lesson 2");
    expect(third?.next?.slug).toBe("18-tracing");
    expect(course.lessons.at(-1)?.next).toBeUndefined();
  });

  it("rejects two lessons with the same order", () => {
    expect(() =>
      buildCourse([
        { id: "a", data: lesson(3, 1) },
        { id: "b", data: lesson(3, 1) },
      ]),
    ).toThrow('Lessons "a" and "b" both have order 3.');
  });

  it("rejects a part 1 lesson numbered after a part 2 lesson", () => {
    expect(() =>
      buildCourse([
        { id: "late", data: lesson(12, 1) },
        { id: "early", data: lesson(11, 2) },
      ]),
    ).toThrow(/"late" .* comes after "early"/);
  });
});

describe("formatMinutes", () => {
  it("writes short times in minutes and long ones in hours", () => {
    expect(formatMinutes(15)).toBe("~15 min");
    expect(formatMinutes(60)).toBe("~1 h");
    expect(formatMinutes(125)).toBe("~2 h 5 min");
  });
});

describe("countOf", () => {
  it("uses the singular only for one", () => {
    expect(countOf(1, "lesson")).toBe("1 lesson");
    expect(countOf(0, "lesson")).toBe("0 lessons");
    expect(countOf(17, "lesson")).toBe("17 lessons");
  });
});
