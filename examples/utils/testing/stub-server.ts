// An OpenAI-compatible server on 127.0.0.1 for tests and offline demos: real HTTP, scripted answers.
// Serves POST /v1/chat/completions (JSON, or SSE when the request says stream: true) and /v1/embeddings.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  stream?: boolean;
}
export interface EmbeddingRequest {
  model: string;
  input: string[] | string;
}
export type StubRequest =
  { path: "/v1/chat/completions"; body: ChatRequest } | { path: "/v1/embeddings"; body: EmbeddingRequest };

/** What happens to an answer after `after` pieces (streamed) or bytes (JSON): it stalls or drops. */
export interface Cut {
  after: number;
  then: "stall" | "drop";
}

/**
 * An answer (streamed when asked), vectors, or an HTTP error, each after an optional delay; and the
 * faults of real providers: an answer cut short (`cut`), a 200 with any `body` (an HTML page, broken
 * JSON), or `silent`: the request is accepted and never answered.
 */
export type StubReply = { delayMs?: number } & (
  | {
      content: string;
      cut?: Cut;
      /** Streaming only: a pause before each piece, so a test can act mid-stream. */
      pieceDelayMs?: number;
    }
  | { embeddings: number[][] }
  | { status: number; message?: string; headers?: Record<string, string> }
  | { body: string; contentType?: string }
  | { silent: true }
);

export type Handler = (request: StubRequest) => StubReply | Promise<StubReply>;

export interface Stub {
  /** The base URL to use as OPENAI_BASE_URL, ending in /v1. */
  url: string;
  requests: StubRequest[];
  /** Most requests that were in flight at the same moment. */
  maxInFlight: number;
  close: () => Promise<void>;
}

/** Listens on 127.0.0.1 (port 0: any free port). */
export async function startStub(handler: Handler, port = 0): Promise<Stub> {
  let inFlight = 0;
  const server = createServer((req, res) => {
    inFlight++;
    stub.maxInFlight = Math.max(stub.maxInFlight, inFlight);
    respond(req, res)
      .catch((error: unknown) => send(res, 500, { error: { message: String(error) } }))
      .finally(() => inFlight--);
  });

  async function respond(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "POST" || (path !== "/v1/chat/completions" && path !== "/v1/embeddings")) {
      return send(res, 404, { error: { message: `no route ${req.method} ${req.url}` } });
    }
    const request = { path, body: JSON.parse(await readBody(req)) } as StubRequest;
    stub.requests.push(request);
    const reply = await handler(request);
    if (reply.delayMs) await new Promise((done) => setTimeout(done, reply.delayMs));
    if ("silent" in reply) return; // the socket stays open until the client gives up or the stub closes
    if ("body" in reply) {
      res.writeHead(200, { "content-type": reply.contentType ?? "application/json" });
      return void res.end(reply.body);
    }
    if ("status" in reply) {
      const body = { error: { message: reply.message ?? `status ${reply.status}`, type: "stub_error" } };
      return send(res, reply.status, body, reply.headers);
    }
    if ("embeddings" in reply) {
      const data = reply.embeddings.map((embedding, index) => ({ object: "embedding", index, embedding }));
      return send(res, 200, { object: "list", data, model: request.body.model, usage: usage() });
    }
    if (request.path === "/v1/chat/completions" && request.body.stream) {
      return streamChat(res, request.body.model, reply);
    }
    const message = { role: "assistant", content: reply.content };
    const choice = { index: 0, message, finish_reason: "stop", logprobs: null };
    const body = { ...envelope("chat.completion", request.body.model), choices: [choice], usage: usage() };
    if (!reply.cut) return send(res, 200, body);
    res.writeHead(200, { "content-type": "application/json" });
    cutShort(res, JSON.stringify(body).slice(0, reply.cut.after), reply.cut);
  }

  const stub: Stub = {
    url: "",
    requests: [],
    maxInFlight: 0,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections(); // stalled and silent answers end here
      }),
  };
  await new Promise<void>((ready) => server.listen(port, "127.0.0.1", ready));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return stub;
}

/** Answers in order, one per call; the last one repeats. */
export function script(...replies: StubReply[]): Handler {
  let next = 0;
  return () => {
    const reply = replies[Math.min(next++, replies.length - 1)];
    if (!reply) throw new Error("script() needs at least one reply");
    return reply;
  };
}

/** The prompt text of a chat request (all messages), for handlers that answer by what was asked. */
export const promptOf = (request: StubRequest): string =>
  request.path === "/v1/chat/completions" ? request.body.messages.map((m) => m.content).join("\n") : "";

/** A deterministic bag-of-words vector: texts sharing words get a high cosine, as with real embeddings. */
export function wordVector(text: string, dims = 256): number[] {
  const vector = new Array<number>(dims).fill(0);
  for (const word of text.toLowerCase().match(/[a-z]{4,}/g) ?? []) {
    let hash = 0;
    for (const char of word) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    vector[hash % dims] = (vector[hash % dims] ?? 0) + 1;
  }
  return vector;
}

/** Vectors for every input of an embeddings request. */
export const embedAll = (request: StubRequest): StubReply => {
  if (request.path !== "/v1/embeddings") return { status: 400, message: "not an embeddings request" };
  const inputs = Array.isArray(request.body.input) ? request.body.input : [request.body.input];
  return { embeddings: inputs.map((text) => wordVector(text)) };
};

async function streamChat(
  res: ServerResponse,
  model: string,
  { content, cut, pieceDelayMs }: { content: string; cut?: Cut; pieceDelayMs?: number },
) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const chunk = (delta: object, finish: string | null) =>
    `data: ${JSON.stringify({ ...envelope("chat.completion.chunk", model), choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  // Word by word, spaces kept, like a real model's tokens.
  const pieces = (content.match(/\S+\s*|\s+/g) ?? []).map((piece) => chunk({ content: piece }, null));
  if (cut) return cutShort(res, pieces.slice(0, cut.after).join(""), cut);
  for (const piece of pieces) {
    if (pieceDelayMs) await new Promise((done) => setTimeout(done, pieceDelayMs));
    if (res.destroyed) return; // the client went away (a stop)
    await new Promise<void>((done) => res.write(piece, () => done()));
  }
  res.write(chunk({}, "stop"));
  res.end("data: [DONE]\n\n");
}

/** Sends the start of an answer, then leaves the connection open or breaks it once that is out. */
function cutShort(res: ServerResponse, start: string, cut: Cut) {
  res.write(start, () => cut.then === "drop" && res.destroy());
}

const envelope = (object: string, model: string) => ({
  id: `stub-${Math.random().toString(36).slice(2)}`,
  object,
  created: Math.floor(Date.now() / 1000),
  model,
});

const usage = () => ({ prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 });

function send(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}
