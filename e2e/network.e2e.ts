// Learner code has no network: a local server stands by while the learner's code tries every way out
// of the sandbox (no-cors fetch, POST, WebSocket, EventSource, importScripts) and waits for each to
// settle; not one request may reach the server, and the site's own pages still work.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newContext } from "./browser";
import { LESSON_PATH, openWorkspace, replaceCode, runTests, solution, url } from "./workspace-page";

let browser: Browser;
let context: BrowserContext;
let page: Page;
let server: Server;
let port = 0;
const reached: string[] = [];

const record = (request: IncomingMessage) => reached.push(`${request.method ?? "?"} ${request.url ?? ""}`);

beforeAll(async () => {
  server = createServer((request, response) => {
    record(request);
    response.writeHead(200, {
      "Access-Control-Allow-Origin": "*",
      "Content-Type": request.url?.startsWith("/events") ? "text/event-stream" : "text/javascript",
    });
    response.end(request.url?.startsWith("/events") ? "data: hello\n\n" : "self.leaked = true;\n");
  });
  server.on("upgrade", (request, socket) => {
    record(request);
    socket.destroy();
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  port = (server.address() as AddressInfo).port;
  browser = await launchChromium();
  context = await newContext(browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((closed) => server?.close(closed));
});

/** Tries each way out once and resolves when every attempt has settled, logging how each ended. */
const probe = (target: string) => `
let probing: Promise<unknown> | undefined;
function probeNetwork(): Promise<unknown> {
  const target = ${JSON.stringify(target)};
  const scope = globalThis as unknown as Record<string, any>;
  const outcome = (name: string, attempt: () => Promise<string>) =>
    attempt().then(
      (how) => console.log(\`probe \${name}: \${how}\`),
      (error: unknown) => console.log(\`probe \${name}: blocked (\${String((error as Error)?.message ?? error)})\`),
    );
  const events = (make: () => any) => () =>
    new Promise<string>((resolve) => {
      const source = make();
      source.onopen = () => { source.close(); resolve("opened"); };
      source.onerror = () => { source.close(); resolve("error event"); };
    });
  probing ??= Promise.all([
    outcome("no-cors fetch", () => fetch(target + "/no-cors", { mode: "no-cors" }).then((r) => r.type)),
    outcome("POST", () => fetch(target + "/post", { method: "POST", body: "secret" }).then((r) => String(r.status))),
    outcome("WebSocket", events(() => new scope.WebSocket(target.replace("http", "ws") + "/socket"))),
    outcome("EventSource", events(() => new scope.EventSource(target + "/events"))),
    outcome("importScripts", async () => { scope.importScripts(target + "/script.js"); return "loaded"; }),
  ]);
  return probing;
}
`;

describe("the sandbox's network", () => {
  it("lets no request of the learner's code reach a local server, and reports the run", async () => {
    await openWorkspace(page);
    const code = solution().replace(
      "protected async _orchestrate(shared: S, params: Params = { ...this.params }) {",
      "protected async _orchestrate(shared: S, params: Params = { ...this.params }) {\n    await probeNetwork();",
    );
    expect(code).not.toBe(solution());
    await replaceCode(page, `${code}\n${probe(`http://127.0.0.1:${port}`)}`);
    const text = await runTests(page);
    expect(text).toMatch(/^\d+ passed, 0 failed/);

    const output = page.locator(".ws-output");
    await output.locator("summary").click();
    const log = await output.innerText();
    // Every attempt was made and settled, so a request that got out would have arrived by now.
    for (const name of ["no-cors fetch", "POST", "WebSocket", "EventSource", "importScripts"]) {
      expect(log).toContain(`probe ${name}: `);
    }
    expect(reached).toEqual([]);
  });

  it("gives the site's pages a policy that lets the workspace work, with no violation", async () => {
    const own = await newContext(browser);
    const lesson = await own.newPage();
    await lesson.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener("securitypolicyviolation", (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const response = await lesson.goto(url(LESSON_PATH));
    expect(response?.headers()["content-security-policy"]).toMatch(/connect-src 'self'/);
    const policy = await lesson.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(policy).toMatch(/default-src 'self'; script-src 'self'[^;]*;/);
    expect(policy).not.toMatch(/unsafe-eval/);
    await openWorkspace(lesson);
    await replaceCode(lesson, solution());
    expect(await runTests(lesson)).toMatch(/^\d+ passed, 0 failed/);
    expect(await lesson.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual(
      [],
    );
    // The sandbox's document carries its own, stricter policy: no network at all.
    const sandbox = await own.request.get(url("/engine-sandbox.html"));
    expect(await sandbox.text()).toMatch(
      /content="default-src 'none'; script-src 'sha256-[^']+' 'unsafe-eval'; worker-src blob:/,
    );
    await own.close();
  });
});
