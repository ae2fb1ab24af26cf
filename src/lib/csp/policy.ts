// The site's Content-Security-Policy, in one place. It is delivered twice, and a browser enforces
// both (a request must pass every policy):
// - as an HTTP header by `astro dev` and `astro preview` (and, to be copied into the deploy's
//   headers, by the static host): the network and framing part only, which any document of the
//   site may live with, including the test sandbox's own document (which needs eval) and the
//   scripts Vite's dev server inlines;
// - as a `<meta>` in every built page, written after the build (integration.ts): the whole policy,
//   scripts by 'self' and by the hashes of the inline scripts found in the built HTML, computed at
//   build time. The same policy on every page, so a page swap (Astro's ClientRouter) keeps a policy
//   that allows the next page's scripts.
// The test sandbox's document has its own, stricter policy (src/lib/engine/worker/vite-plugin.ts).
// Pure: no Node, no DOM.

/** StackBlitz, for the WebContainer engine: its headless editor frame and what it talks to. */
export const WEBCONTAINER_SOURCES = [
  "https://stackblitz.com",
  "https://*.stackblitz.com",
  "https://*.webcontainer-api.io",
];

const join = (directives: [string, ...string[]][]) =>
  directives.map((directive) => directive.join(" ")).join("; ");

/** What every response may carry as a header: where a page may connect, frame, start workers. */
export const HEADER_POLICY = join([
  ["connect-src", "'self'", ...WEBCONTAINER_SOURCES],
  ["frame-src", "'self'", ...WEBCONTAINER_SOURCES],
  // 'self' for the service worker; blob: for the sandbox document's test workers.
  ["worker-src", "'self'", "blob:"],
  ["object-src", "'none'"],
  ["base-uri", "'self'"],
  ["form-action", "'self'"],
  ["frame-ancestors", "'self'"],
]);

/** The whole policy of a built page, with the hashes (`sha256-…`) of the inline scripts it may run. */
export function pagePolicy(scriptHashes: readonly string[]): string {
  return join([
    ["default-src", "'self'"],
    ["script-src", "'self'", ...[...new Set(scriptHashes)].sort().map((hash) => `'${hash}'`)],
    // Shiki colours code with style attributes, and CodeMirror writes <style> elements.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...WEBCONTAINER_SOURCES],
    ["frame-src", "'self'", ...WEBCONTAINER_SOURCES],
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
  ]);
}

/** Script types a browser runs (and CSP governs); `application/json` data blocks are not among them. */
const EXECUTED = new Set(["", "text/javascript", "module", "application/javascript"]);

/** The text of every inline script a browser would run, in document order. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes = "", text = ""] = match;
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase() ?? "";
    if (EXECUTED.has(type)) scripts.push(text);
  }
  return scripts;
}

/** Whether a document already has a policy of its own (the test sandbox's document does). */
export const hasPolicy = (html: string) =>
  /<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy/i.test(html);

const escapeAttribute = (text: string) => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;");

/** The page with the policy as the first thing after `<meta charset>` (or `<head>`), before any script. */
export function withPolicy(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}">`;
  const charset = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i.exec(html);
  if (charset) {
    const end = charset.index + charset[0].length;
    return html.slice(0, end) + meta + html.slice(end);
  }
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error("a built page has no <head> to put its Content-Security-Policy in");
  const end = head.index + head[0].length;
  return html.slice(0, end) + meta + html.slice(end);
}
