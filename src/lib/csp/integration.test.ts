import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writePolicies } from "./integration";

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64");

describe("writePolicies", () => {
  it("gives every built page one policy with the hashes of every page's inline scripts", () => {
    const dir = mkdtempSync(join(tmpdir(), "csp-"));
    mkdirSync(join(dir, "lessons", "a"), { recursive: true });
    const theme = "document.documentElement.dataset.theme = localStorage.theme;";
    writeFileSync(
      join(dir, "index.html"),
      `<html><head><meta charset="utf-8"><script>${theme}</script></head></html>`,
    );
    writeFileSync(
      join(dir, "lessons", "a", "index.html"),
      '<html><head><meta charset="utf-8"><script type="module">go()</script></head></html>',
    );
    const sandbox =
      '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"></head></html>';
    writeFileSync(join(dir, "engine-sandbox.html"), sandbox);

    expect(writePolicies(dir)).toEqual({ pages: 2, hashes: 2 });
    const policyOf = (file: string) =>
      /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(
        readFileSync(join(dir, file), "utf8"),
      )?.[1];
    const home = policyOf("index.html");
    expect(home).toContain(`'sha256-${sha256(theme)}'`);
    expect(home).toContain(`'sha256-${sha256("go()")}'`);
    // The same policy on every page, so a page swap keeps one that allows the next page's scripts.
    expect(policyOf(join("lessons", "a", "index.html"))).toBe(home);
    expect(readFileSync(join(dir, "engine-sandbox.html"), "utf8")).toBe(sandbox);
  });
});
