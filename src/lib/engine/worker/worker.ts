// Entry of the test worker bundle. A worker serves exactly one run and is then thrown away, so no
// state of one learner run (globals, pending timers, patched prototypes) leaks into the next.
import { errorInWords } from "../outcome";
import type { TestReport } from "../report";
import { grade } from "./grade";
import { guardRealm } from "./guard";
import { HEARTBEAT_MS, type RunMessage, type WorkerRunMessage, type WorkerSignal } from "./protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRunMessage>) => void) | null;
  postMessage(message: WorkerSignal): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
// Taken now, before any learner code can exist in this worker: the run's messages go out through
// these, whatever the learner's code later does to MessagePort, JSON or the timers.
const guard = guardRealm(globalThis);
const { setInterval, clearInterval } = globalThis;

function subscribeUnhandled(listener: (error: unknown) => void) {
  const onRejection = (event: Event) => {
    event.preventDefault();
    listener((event as PromiseRejectionEvent).reason);
  };
  const onError = (event: Event) => {
    event.preventDefault();
    listener((event as ErrorEvent).error ?? (event as ErrorEvent).message);
  };
  scope.addEventListener("unhandledrejection", onRejection);
  scope.addEventListener("error", onError);
  return () => {
    scope.removeEventListener("unhandledrejection", onRejection);
    scope.removeEventListener("error", onError);
  };
}

scope.onmessage = async (event) => {
  const [port] = event.ports;
  if (event.data?.type !== "run" || !port) return;
  scope.onmessage = null;
  const send = (message: RunMessage) => guard.post(port, message);
  send({ type: "started" });
  // While the worker's event loop is free it says so; a loop that never ends silences it.
  const heartbeat = setInterval(() => send({ type: "alive" }), HEARTBEAT_MS);
  let report: TestReport;
  try {
    report = await grade(event.data.request, {
      onEvent: send,
      subscribeUnhandled,
      checkIntegrity: guard.checkIntegrity,
    });
  } catch (error) {
    const message = `The test engine failed: ${errorInWords(error)}`;
    report = {
      engine: "worker",
      status: "error",
      durationMs: 0,
      tests: [],
      output: `${message}\n`,
      problems: [{ kind: "engine", message }],
    };
  }
  clearInterval(heartbeat);
  // One string: the page checks its length before it parses anything.
  send({ type: "result", report: guard.stringify(report) });
};

// While the worker waits as a spare, grade a tiny suite once: the JIT then has sucrase, the runner
// and the matchers warm, and the learner's run does not pay for that.
const warmUp = {
  files: { "warm.ts": "export class Box<T> { constructor(readonly value: T) {} }\n" },
  tests: {
    "tests/warm.test.ts": [
      'import { describe, expect, it, vi } from "vitest";',
      'import { Box } from "../warm";',
      'describe("warm-up", () => {',
      '  it("runs", async () => {',
      "    const spy = vi.fn((n: number) => n + 1);",
      "    expect(spy(1)).toBe(2);",
      "    expect(new Box([1, { a: 2 }]).value).toEqual([1, { a: 2 }]);",
      "    await expect(Promise.resolve(3)).resolves.toBe(3);",
      '    expect(() => { throw new Error("x"); }).toThrow("x");',
      "  });",
      "});",
    ].join("\n"),
  },
  timeoutMs: 5000,
};
void grade(warmUp, {}).finally(() => scope.postMessage({ type: "booted" }));
