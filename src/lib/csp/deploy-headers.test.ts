import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HEADER_POLICY } from "./policy";

// The static hosts read their headers from files that cannot import the policy; these tests keep
// each copy equal to the one the dev and preview servers send.
const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");

/** The headers public/_headers gives every path (`/*`), as name → value. */
function netlifyHeadersForAll(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  let inAll = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    if (!/^\s/.test(line)) {
      inAll = line.trim() === "/*";
      continue;
    }
    if (!inAll) continue;
    const colon = line.indexOf(":");
    headers.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

describe("deploy headers", () => {
  it("public/_headers sends the site's policy and cross-origin isolation on every path", () => {
    const headers = netlifyHeadersForAll(read("public/_headers"));
    expect(headers.get("Content-Security-Policy")).toBe(HEADER_POLICY);
    expect(headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
    expect(headers.get("Cross-Origin-Embedder-Policy")).toBe("require-corp");
  });

  it("vercel.json sends the same on every path", () => {
    const config = JSON.parse(read("vercel.json")) as {
      headers: { source: string; headers: { key: string; value: string }[] }[];
    };
    const all = config.headers.find((rule) => rule.source === "/(.*)");
    const headers = new Map(all?.headers.map(({ key, value }) => [key, value]));
    expect(headers.get("Content-Security-Policy")).toBe(HEADER_POLICY);
    expect(headers.get("Cross-Origin-Embedder-Policy")).toBe("require-corp");
  });
});
