// The progress lines of the course's reporter, split from vitest's own output however the terminal
// stream happens to cut it.
import { describe, expect, it } from "vitest";
import { ProgressSplitter, type ProgressEvent } from "./progress";

function split(chunks: string[]) {
  const events: ProgressEvent[] = [];
  let text = "";
  const splitter = new ProgressSplitter(
    (event) => events.push(event),
    (chunk) => (text += chunk),
  );
  for (const chunk of chunks) splitter.push(chunk);
  splitter.flush();
  return { events, text };
}

const stream =
  " RUN  v4.1.12\r\n" +
  '\r\n@@pocketflow {"event":"file","path":"tests/a.test.ts"}\r\n' +
  '\r\n@@pocketflow {"event":"test-start","name":"a > b"}\r\n' +
  "stdout | tests/a.test.ts > a > b\r\nhello\r\n" +
  '\r\n@@pocketflow {"event":"test-done","name":"a > b","state":"failed","message":"boom"}\r\n' +
  " Test Files  1 failed (1)\r\n";

describe("splitting a run's output", () => {
  it("takes the progress lines out and keeps vitest's text as it was", () => {
    const { events, text } = split([stream]);
    expect(events).toEqual([
      { event: "file", path: "tests/a.test.ts" },
      { event: "test-start", name: "a > b" },
      { event: "test-done", name: "a > b", state: "failed", message: "boom" },
    ]);
    expect(text).toBe(
      " RUN  v4.1.12\r\nstdout | tests/a.test.ts > a > b\r\nhello\r\n Test Files  1 failed (1)\r\n",
    );
  });

  it("gives the same result whatever the chunks are", () => {
    const whole = split([stream]);
    for (const size of [1, 2, 5, 13, 40]) {
      const chunks = stream.match(new RegExp(`[\\s\\S]{1,${size}}`, "g")) ?? [];
      expect(split(chunks)).toEqual(whole);
    }
  });

  it("leaves text alone that only looks like a progress line, and ignores broken ones", () => {
    const { events, text } = split([
      "say @@pocketflow {}\n",
      "\n@@pocketflow not json\n",
      '\n@@pocketflow {"event":"x"}\n',
    ]);
    expect(events).toEqual([]);
    expect(text).toBe("say @@pocketflow {}\n");
  });
});
