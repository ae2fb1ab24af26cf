// The list of examples and the dispatcher behind `npm run example -- <name> [args]`.
import type { ExampleIO, ExampleMain } from "./utils/cli";
import { withTrace } from "./utils/trace";

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
  streaming: {
    summary: "stream an answer as it is written; Ctrl+C keeps what came so far",
    load: () => import("./streaming/main"),
  },
  approval: {
    summary: "draft a post, stop for your review, resume in another process from a file",
    load: () => import("./approval/main"),
  },
  supervisor: {
    summary: "a team: the agent researches and answers, a supervisor sends it back",
    load: () => import("./supervisor/main"),
  },
  tutorial: {
    summary: "turn a folder of code (this course's core/) into a Markdown tutorial",
    load: () => import("./tutorial/main"),
  },
};

export function listing(): string {
  const width = Math.max(...Object.keys(EXAMPLES).map((name) => name.length));
  const lines = Object.entries(EXAMPLES).map(([name, entry]) => `  ${name.padEnd(width)}  ${entry.summary}`);
  return [
    "Usage: npm run example -- <name> [args] [--trace]   (add --help after a name for its options)",
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
  // --trace works for every example: the tracer watches the core from outside (examples/utils/trace.ts).
  if (!args.includes("--trace")) return main({ ...io, args });
  return withTrace(name ?? "", { ...io, args }, () =>
    main({ ...io, args: args.filter((arg) => arg !== "--trace") }),
  );
}
