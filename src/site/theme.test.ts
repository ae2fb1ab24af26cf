// The inline head script, run as the browser runs it (its source text), against stand-ins for the
// three browser objects it touches.
import { afterEach, describe, expect, it, vi } from "vitest";
import { THEME_KEY, themeBootScript } from "./theme";

function boot({
  saved,
  systemDark,
  storageBlocked = false,
}: {
  saved?: string;
  systemDark: boolean;
  storageBlocked?: boolean;
}) {
  const dataset: Record<string, string> = {};
  vi.stubGlobal("document", { documentElement: { dataset } });
  vi.stubGlobal("matchMedia", (query: string) => ({
    matches: query === "(prefers-color-scheme: dark)" && systemDark,
  }));
  vi.stubGlobal("localStorage", {
    getItem(key: string) {
      if (storageBlocked) throw new Error("SecurityError");
      return key === THEME_KEY ? (saved ?? null) : null;
    },
  });
  new Function(themeBootScript)();
  return dataset;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the theme's head script", () => {
  it("follows the system when nothing is saved", () => {
    expect(boot({ systemDark: true })).toEqual({ theme: "dark", themeChoice: "system" });
    expect(boot({ systemDark: false })).toEqual({ theme: "light", themeChoice: "system" });
  });

  it("applies a saved choice whatever the system says", () => {
    expect(boot({ saved: "dark", systemDark: false })).toEqual({ theme: "dark", themeChoice: "dark" });
    expect(boot({ saved: "light", systemDark: true })).toEqual({ theme: "light", themeChoice: "light" });
  });

  it("treats a damaged value or blocked storage as the system's choice", () => {
    expect(boot({ saved: "purple", systemDark: true })).toEqual({ theme: "dark", themeChoice: "system" });
    expect(boot({ storageBlocked: true, systemDark: false })).toEqual({
      theme: "light",
      themeChoice: "system",
    });
  });

  it("stays small, as a render-blocking script should", () => {
    expect(themeBootScript.length).toBeLessThan(600);
  });
});
