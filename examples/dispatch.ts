// The list of examples and the dispatcher behind `npm run example -- <name> [args]`.
import type { ExampleIO, ExampleMain } from "./utils/cli";

interface Entry {
  summary: string;
  /** Loaded on demand, so starting one example never loads the others. */
  load: () => Promise<{ main: ExampleMain }>;
}

export const EXAMPLES: Record<string, Entry> = {
  chatbot: {
    summary: "chat in the terminal, answers streamed, history kept",
    load: () => import("./chatbot/main"),
  },
  "structured-output": {
    summary: "parse a messy resume into validated YAML, retrying malformed answers",
    load: () => import("./structured-output/main"),
  },
  "map-reduce": {
    summary: "screen a folder of resumes one by one (BatchNode), then tally (reduce)",
    load: () => import("./map-reduce/main"),
  },
  parallel: {
    summary: "the same screening with ParallelBatchNode; wall time vs sequential",
    load: () => import("./parallel/main"),
  },
  workflow: {
    summary: "write an article: outline → drafts (BatchNode) → combine",
    load: () => import("./workflow/main"),
  },
  agent: {
    summary: "answer a question by deciding, searching the lessons, and looping",
    load: () => import("./agent/main"),
  },
  rag: {
    summary: "index the lessons (embeddings or full-text), retrieve, answer with citations",
    load: () => import("./rag/main"),
  },
};

export function listing(): string {
  const width = Math.max(...Object.keys(EXAMPLES).map((name) => name.length));
  const lines = Object.entries(EXAMPLES).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return [
    "Usage: npm run example -- <name> [args]   (add --help after a name for its options)",
    "",
    "Examples:",
    ...lines,
    "",
    "Configure a provider first: see examples/README.md (free and local: Ollama).",
  ].join("\n");
}

/** io.args starts with the example's name; the rest goes to that example. */
export async function dispatch(io: ExampleIO): Promise<number> {
  const [name, ...args] = io.args;
  const entry = name === undefined ? undefined : EXAMPLES[name];
  if (!entry) {
    if (name !== undefined && name !== "--help" && name !== "-h")
      io.stderr.write(`Unknown example '${name}'.\n\n`);
    io.stderr.write(`${listing()}\n`);
    return 1;
  }
  const { main } = await entry.load();
  return main({ ...io, args });
}
