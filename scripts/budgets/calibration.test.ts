import { describe, expect, it } from "vitest";
import { calibratedSlowdown } from "./calibration";

describe("calibratedSlowdown", () => {
  it("keeps Lighthouse's 4x on a fast host and scales it down on a slower one, never under 1x", () => {
    expect(calibratedSlowdown(2000)).toBe(4);
    expect(calibratedSlowdown(1500)).toBe(4);
    expect(calibratedSlowdown(750)).toBe(2);
    expect(calibratedSlowdown(670)).toBe(1.8);
    expect(calibratedSlowdown(100)).toBe(1);
  });
});
