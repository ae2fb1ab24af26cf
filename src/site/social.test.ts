import { describe, expect, it } from "vitest";
import { ogImagePath } from "./social";

describe("ogImagePath", () => {
  it("gives each lesson its own card and every other page the course's", () => {
    expect(ogImagePath("/lessons/06-the-flow/")).toBe("/og/lessons/06-the-flow.png");
    expect(ogImagePath("/")).toBe("/og/index.png");
    expect(ogImagePath("/404.html")).toBe("/og/index.png");
  });
});
