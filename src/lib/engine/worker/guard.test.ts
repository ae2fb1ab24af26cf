// The worker's guard, in a child Node process: it locks Promise methods for good, which this file's
// own vitest must not inherit.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const tsx = fileURLToPath(new URL("../../../../node_modules/.bin/tsx", import.meta.url));
const guardModule = fileURLToPath(new URL("./guard.ts", import.meta.url));

// Each step runs with no await between patching and checking: a patched built-in must not reach
// the child's own promise machinery.
const script = `import { guardRealm } from ${JSON.stringify(guardModule)};
const results = {};
const scope = { close() { return "closed"; } };
Object.setPrototypeOf(scope, globalThis);
const guard = guardRealm(scope);

const push = Array.prototype.push;
Array.prototype.push = function () { return 0; };
Object.defineProperty(Object.prototype, "toJSON", { value: () => "faked", configurable: true, writable: true });
const problem = guard.checkIntegrity();
results.problem = problem;
results.restored = Array.prototype.push === push && !("toJSON" in {});
results.clean = guard.checkIntegrity() === undefined;

try {
  "use strict";
  Promise.prototype.then = function () {};
  results.thenPatched = "assigned";
} catch (error) {
  results.thenPatched = error.constructor.name;
}
results.thenLocked = Object.getOwnPropertyDescriptor(Promise.prototype, "then").writable === false;

try {
  scope.close();
  results.close = "closed";
} catch (error) {
  results.close = error.message;
}

const channel = new MessageChannel();
const post = MessagePort.prototype.postMessage;
let intercepted = 0;
// (tsx itself talks over MessagePorts: count only calls on this channel)
MessagePort.prototype.postMessage = function (...args) {
  if (this === channel.port1) intercepted += 1;
  else return post.apply(this, args);
};
channel.port2.onmessage = ({ data }) => {
  MessagePort.prototype.postMessage = post;
  results.delivered = data;
  results.intercepted = intercepted;
  results.json = guard.stringify({ a: [1] });
  channel.port2.close();
  process.stdout.write(JSON.stringify(results));
};
guard.post(channel.port1, { type: "result" });
`;

let results: Record<string, unknown> = {};
beforeAll(() => {
  const stdout = execFileSync(tsx, ["--input-type=module", "--eval", script], { encoding: "utf8" });
  results = JSON.parse(stdout) as Record<string, unknown>;
}, 30_000);

describe("the worker's guard", () => {
  it("puts back built-ins the learner's code replaced or added to, and says so", () => {
    expect(results.problem).toMatchObject({ kind: "engine" });
    expect((results.problem as { message: string }).message).toMatch(
      /^The code changed Array\.prototype\.push, Object\.prototype\.toJSON, which the test runner relies on, so these results cannot be trusted\./,
    );
    expect(results.restored).toBe(true);
    expect(results.clean).toBe(true);
  });

  it("locks the promise methods every await relies on", () => {
    expect(results.thenLocked).toBe(true);
    expect(results.thenPatched).toBe("TypeError");
  });

  it("replaces close(), which would end the worker without a word", () => {
    expect(results.close).toMatch(/^close\(\) would stop the test worker/);
  });

  it("reports through the postMessage and JSON.stringify it took at the start", () => {
    expect(results.delivered).toEqual({ type: "result" });
    expect(results.intercepted).toBe(0);
    expect(results.json).toBe('{"a":[1]}');
  });
});
