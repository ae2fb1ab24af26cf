// Helpers shared by this suite's test files.
import { vi, type MockInstance } from "vitest";

/** Silences console.warn for one test and lets it assert on what was warned. */
export function captureWarnings(): MockInstance<(...args: unknown[]) => void> {
  return vi.spyOn(console, "warn").mockImplementation(() => undefined);
}
