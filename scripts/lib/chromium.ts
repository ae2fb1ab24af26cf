// Headless Chromium for scripts (parity checks): Debian's `chromium` driven by playwright-core, so no
// browser download is needed.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CANDIDATES = ["chromium", "chromium-browser", "google-chrome"];

/** The path of an installed Chromium: $CHROMIUM_PATH, else the first of CANDIDATES on the PATH. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of CANDIDATES) {
    try {
      const path = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      if (path) return path;
    } catch {
      // not installed under this name
    }
  }
  throw new Error(
    "Chromium was not found. Install it with `apt-get install -y chromium` " +
      "(or set CHROMIUM_PATH to a Chromium or Chrome executable).",
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}
