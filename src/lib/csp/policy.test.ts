import { describe, expect, it } from "vitest";
import { HEADER_POLICY, hasPolicy, inlineScripts, pagePolicy, withPolicy } from "./policy";

describe("the site's policy", () => {
  it("allows the site's own scripts and the hashed inline ones, and no other script", () => {
    const policy = pagePolicy(["sha256-b", "sha256-a", "sha256-a"]);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'sha256-a' 'sha256-b';");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy).toContain("object-src 'none'");
  });

  it("lets the pages frame and reach StackBlitz for the WebContainer engine, and nothing else outside", () => {
    for (const policy of [pagePolicy([]), HEADER_POLICY]) {
      expect(policy).toMatch(
        /frame-src 'self' https:\/\/stackblitz\.com [^;]*https:\/\/\*\.webcontainer-api\.io/,
      );
      expect(policy).toMatch(/connect-src 'self' https:\/\/stackblitz\.com/);
    }
  });

  it("leaves scripts to the page's own policy in the header, so the sandbox document may eval", () => {
    expect(HEADER_POLICY).not.toMatch(/default-src|script-src/);
    expect(HEADER_POLICY).toContain("worker-src 'self' blob:");
    expect(HEADER_POLICY).toContain("frame-ancestors 'self'");
  });
});

describe("built pages", () => {
  it("finds the inline scripts a browser runs, not data blocks or external scripts", () => {
    const html = `<head><script>a()</script><script type="module">b()</script>
      <script type="module" src="/x.js"></script><script type="application/json">{"c":1}</script>
      <script type='text/javascript'>d()</script></head>`;
    expect(inlineScripts(html)).toEqual(["a()", "b()", "d()"]);
  });

  it("puts the policy right after the charset, before any script", () => {
    const html = '<!doctype html><html><head><meta charset="utf-8" /><script>x()</script></head></html>';
    expect(withPolicy(html, "default-src 'self'")).toBe(
      '<!doctype html><html><head><meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="default-src \'self\'"><script>x()</script></head></html>',
    );
    expect(withPolicy("<head><title>t</title></head>", 'a "b"')).toBe(
      '<head><meta http-equiv="Content-Security-Policy" content="a &quot;b&quot;"><title>t</title></head>',
    );
    expect(() => withPolicy("<p>no head</p>", "x")).toThrow(/no <head>/);
  });

  it("leaves a document with a policy of its own alone", () => {
    expect(hasPolicy('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">')).toBe(
      true,
    );
    expect(hasPolicy('<meta charset="utf-8">')).toBe(false);
  });
});
