// Part 3's variants: the tracer, the streaming node, the checkpointed review, the supervised team and
// the capstone written the other ways their lessons allow, and the mistakes each lesson warns about,
// each with the test meant to catch it.
import type { Variant } from "./variant";

const TRACER = "tracer.ts";
const STREAMING = "streaming.ts";
const APPROVAL = "approval.ts";
const TEAM = "team.ts";
const TUTORIAL = "tutorial.ts";

/** Exercise 19's streamTo loop, as the reference solution writes it. */
const STREAM_LOOP = `    for await (const token of tokens) {
      if (signal.aborted) return { text, stopped: true }; // leaving the loop closes the stream
      display.write(token);
      text += token;
    }`;

/** Exercise 21's first two checks in Supervisor.exec, as the reference solution writes them. */
const SUPERVISOR_LIMITS = `    if (input.rounds >= this.maxRounds) return { verdict: "approve", reason: "out of rounds", forced: true };
    if (this.budget.left < 1) return { verdict: "approve", reason: "out of budget", forced: true };`;

export const part3: Record<string, Variant[]> = {
  "18-tracing": [
    {
      name: "nodesOf walks with a queue instead of recursion, and diffStore builds its list with flatMap",
      kind: "correct",
      edits: [
        {
          file: TRACER,
          region: "diff-store",
          code: `export function diffStore(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const keptOrNew = Object.entries(after).flatMap(([key, value]): Change[] => {
    if (!(key in before)) return [{ key, kind: "added", after: value }];
    return same(before[key], value) ? [] : [{ key, kind: "changed", before: before[key], after: value }];
  });
  const removed = Object.keys(before)
    .filter((key) => !(key in after))
    .map((key): Change => ({ key, kind: "removed", before: before[key] }));
  return [...keptOrNew, ...removed];
}`,
        },
        {
          file: TRACER,
          region: "walk",
          code: `const startOf = (node: AnyNode) =>
  "startNode" in node ? (node.startNode as AnyNode | undefined) : undefined;

export function nodesOf(start: AnyNode, { insideFlows = true } = {}): AnyNode[] {
  const found: AnyNode[] = [];
  const queue: (AnyNode | undefined)[] = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    if (!node || found.includes(node)) continue;
    found.push(node);
    if (insideFlows) queue.push(startOf(node));
    queue.push(...node.successors.values());
  }
  return found;
}`,
        },
      ],
    },
    {
      name: "traceFlow keeps each run's snapshot by the copy that runs, and toMermaid names nodes through a Map",
      kind: "correct",
      edits: [
        {
          file: TRACER,
          region: "trace-flow",
          code: `export function traceFlow(flow: AnyNode): Step[] {
  const steps: Step[] = [];
  const before = new WeakMap<object, Record<string, unknown>>();
  for (const node of nodesOf(flow)) {
    const originalPrep = node.prep;
    const originalPost = node.post;
    node.prep = function (this: AnyNode, shared: never) {
      before.set(this, snapshot(shared));
      return originalPrep.call(this, shared);
    };
    node.post = async function (this: AnyNode, shared: never, prepRes: never, execRes: never) {
      const action = await originalPost.call(this, shared, prepRes, execRes);
      const changes = diffStore(before.get(this) ?? {}, snapshot(shared));
      steps.push({ node: this.constructor.name, action: action || "default", params: { ...this.params }, changes });
      return action;
    };
  }
  return steps;
}`,
        },
        {
          file: TRACER,
          region: "mermaid",
          code: `export function toMermaid(flow: AnyNode): string {
  const start = startOf(flow);
  const ids = new Map<AnyNode, string>();
  for (const node of start ? nodesOf(start, { insideFlows: false }) : []) ids.set(node, \`n\${ids.size}\`);
  const declarations = [...ids].map(([node, id]) => \`  \${id}["\${node.constructor.name}"]\`);
  const arrows = [...ids].flatMap(([node, id]) =>
    [...node.successors].map(([action, next]) =>
      action === "default" ? \`  \${id} --> \${ids.get(next)}\` : \`  \${id} -->|"\${action}"| \${ids.get(next)}\`,
    ),
  );
  return ["flowchart LR", ...declarations, ...arrows].join("\\n");
}`,
        },
      ],
    },
    {
      name: "keeps a reference to the store instead of a snapshot, so changes made in place vanish",
      kind: "mistake",
      caughtBy: "records what each step changed in the shared store",
      edits: [
        {
          file: TRACER,
          replace: "      before = snapshot(shared);",
          with: "      before = shared as Record<string, unknown>;",
        },
      ],
    },
    {
      name: "takes the first snapshot at the start of post, so what prep wrote is missed",
      kind: "mistake",
      caughtBy: "counts what prep wrote as part of the step",
      edits: [
        { file: TRACER, replace: "      before = snapshot(shared);\n", with: "" },
        {
          file: TRACER,
          replace: "      const action = await post.call(this, shared, prepRes, execRes);",
          with: `      before = snapshot(shared);
      const action = await post.call(this, shared, prepRes, execRes);`,
        },
      ],
    },
    {
      name: "wraps with arrow functions that read the graph's node, not the copy the flow runs",
      kind: "mistake",
      caughtBy: "records the params the flow gave each node",
      edits: [
        {
          file: TRACER,
          region: "trace-flow",
          code: `export function traceFlow(flow: AnyNode): Step[] {
  const steps: Step[] = [];
  for (const node of nodesOf(flow)) {
    const { prep, post } = node;
    let before: Record<string, unknown> = {};
    node.prep = async (shared: never) => {
      before = snapshot(shared);
      return prep.call(node, shared);
    };
    node.post = async (shared: never, prepRes: never, execRes: never) => {
      const action = await post.call(node, shared, prepRes, execRes);
      steps.push({
        node: node.constructor.name,
        action: action || "default",
        params: { ...node.params },
        changes: diffStore(before, snapshot(shared)),
      });
      return action;
    };
  }
  return steps;
}`,
        },
      ],
    },
    {
      name: 'labels the "default" arrows too',
      kind: "mistake",
      caughtBy: 'leaves a "default" arrow unlabelled',
      edits: [
        {
          file: TRACER,
          replace: 'const arrow = action === "default" ? "-->" : `-->|"${action}"|`;',
          with: 'const arrow = `-->|"${action}"|`;',
        },
      ],
    },
    {
      name: "toMermaid uses the class name as the id, so two nodes of one class share a box",
      kind: "mistake",
      caughtBy: "draws two nodes of the same class as two boxes",
      edits: [
        {
          file: TRACER,
          replace: "const id = (node: AnyNode) => `n${nodes.indexOf(node)}`;",
          with: "const id = (node: AnyNode) => node.constructor.name;",
        },
      ],
    },
  ],

  "19-streaming": [
    {
      name: "streamTo collects the tokens in a list and breaks out of the loop on a stop",
      kind: "correct",
      edits: [
        {
          file: STREAMING,
          region: "stream-to",
          code: `export async function streamTo(tokens: Tokens, display: Display, signal: AbortSignal): Promise<Reply> {
  const parts: string[] = [];
  try {
    for await (const token of tokens) {
      if (signal.aborted) break;
      display.write(token);
      parts.push(token);
    }
  } catch (error) {
    if (parts.length > 0) display.retract();
    throw error;
  }
  return { text: parts.join(""), stopped: signal.aborted };
}`,
        },
      ],
    },
    {
      name: "post handles a complete reply first, and the flow is built with start()",
      kind: "correct",
      edits: [
        {
          file: STREAMING,
          replace: `  override post(shared: StreamStore, _prompt: string, reply: Reply): Action {
    if (reply.error !== undefined) {
      shared.error = reply.error;
      return "failed";
    }
    shared.answer = reply.text;
    shared.stopped = reply.stopped;
    return reply.stopped ? "stopped" : "answered";
  }`,
          with: `  override post(shared: StreamStore, _prompt: string, { text, stopped, error }: Reply): Action {
    if (error === undefined) {
      shared.answer = text;
      shared.stopped = stopped;
      return stopped ? "stopped" : "answered";
    }
    shared.error = error;
    return "failed";
  }`,
        },
        {
          file: STREAMING,
          replace: `  const answer = new StreamAnswer(llm, display, options);
  answer.on("answered", new CountWords());
  return new Flow<StreamStore>(answer);`,
          with: `  const flow = new Flow<StreamStore>();
  flow.start(new StreamAnswer(llm, display, options)).on("answered", new CountWords());
  return flow;`,
        },
      ],
    },
    {
      name: "collects the whole answer, then shows the tokens once the stream has ended",
      kind: "mistake",
      caughtBy: "shows a token before the next one is generated",
      edits: [
        {
          file: STREAMING,
          replace: STREAM_LOOP,
          with: `    const parts: string[] = [];
    for await (const token of tokens) {
      if (signal.aborted) break;
      parts.push(token);
    }
    for (const part of parts) {
      display.write(part);
      text += part;
    }`,
        },
      ],
    },
    {
      name: "never takes back what a broken attempt showed",
      kind: "mistake",
      caughtBy: "takes back what a broken attempt showed, then shows the retry from the start",
      edits: [{ file: STREAMING, replace: '    if (text !== "") display.retract();\n', with: "" }],
    },
    {
      name: "retracts on every broken attempt, even one that showed nothing",
      kind: "mistake",
      caughtBy: "retries a stream that breaks before the first token, with nothing to take back",
      edits: [
        {
          file: STREAMING,
          replace: '    if (text !== "") display.retract();',
          with: "    display.retract();",
        },
      ],
    },
    {
      name: "treats a stop as a failure: it throws, so the node retries",
      kind: "mistake",
      caughtBy: "stops reading when the signal aborts",
      edits: [
        {
          file: STREAMING,
          replace:
            "      if (signal.aborted) return { text, stopped: true }; // leaving the loop closes the stream",
          with: '      if (signal.aborted) throw new Error("stopped by the reader");',
        },
      ],
    },
    {
      name: "buildStreamingFlow drops the options, so maxRetries and the signal never reach the node",
      kind: "mistake",
      caughtBy: "gives up after maxRetries broken attempts",
      edits: [
        {
          file: STREAMING,
          replace: "  const answer = new StreamAnswer(llm, display, options);",
          with: "  const answer = new StreamAnswer(llm, display);",
        },
      ],
    },
    {
      name: "after a stop, reads the rest of the stream without showing it, so the model keeps writing",
      kind: "mistake",
      caughtBy: "stops reading when the signal aborts",
      edits: [
        {
          file: STREAMING,
          replace:
            "      if (signal.aborted) return { text, stopped: true }; // leaving the loop closes the stream",
          with: "      if (signal.aborted) continue;",
        },
      ],
    },
  ],

  "20-human-in-the-loop": [
    {
      name: "unserialisable switches on typeof and keeps the ancestors in a list",
      kind: "correct",
      edits: [
        {
          file: APPROVAL,
          region: "unserialisable",
          code: `export function unserialisable(value: unknown, path = "shared", ancestors: object[] = []): string[] {
  switch (typeof value) {
    case "string":
    case "boolean":
      return [];
    case "number":
      return Number.isFinite(value) ? [] : [\`\${path} is \${value}\`];
    case "function":
      return [\`\${path} is a function\`];
    case "undefined":
      return [\`\${path} is undefined\`];
    case "bigint":
    case "symbol":
      return [\`\${path} is a \${typeof value}\`];
  }
  if (typeof value !== "object" || value === null) return []; // null is plain data
  if (ancestors.includes(value)) return [\`\${path} is a cycle\`];
  if (value instanceof Date) return [\`\${path} is a Date\`];
  if (value instanceof Map || value instanceof Set) return [\`\${path} is a \${value.constructor.name}\`];
  const proto: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    return [\`\${path} is an instance of \${value.constructor.name}\`];
  }
  const inside = [...ancestors, value];
  if (Array.isArray(value)) return value.flatMap((item, i) => unserialisable(item, \`\${path}[\${i}]\`, inside));
  return Object.entries(value).flatMap(([key, item]) => unserialisable(item, \`\${path}.\${key}\`, inside));
}`,
        },
      ],
    },
    {
      name: "runFrom deletes pausedAt from the store itself, and resume copies the store with Object.assign",
      kind: "correct",
      edits: [
        {
          file: APPROVAL,
          replace: `  await new Flow<PostStore>(buildSteps(llm)[from]).run(shared);
  const { pausedAt, ...rest } = shared;
  if (pausedAt === undefined) return { status: "done", shared };
  return { status: "paused", checkpoint: { version: 1, resumeAt: pausedAt, shared: rest } };`,
          with: `  const flow = new Flow<PostStore>(buildSteps(llm)[from]);
  await flow.run(shared);
  const resumeAt = shared.pausedAt;
  if (resumeAt === undefined) return { status: "done", shared };
  delete shared.pausedAt;
  return { status: "paused", checkpoint: { version: 1, resumeAt, shared } };`,
        },
        {
          file: APPROVAL,
          replace: "  return runFrom(checkpoint.resumeAt, { ...checkpoint.shared, decision }, llm);",
          with: `  const shared: PostStore = Object.assign({}, checkpoint.shared, { decision });
  return runFrom(checkpoint.resumeAt, shared, llm);`,
        },
      ],
    },
    {
      name: "resumes from the first step, so the post is drafted again",
      kind: "mistake",
      caughtBy: "resumes at review after an approval and publishes, without drafting again",
      edits: [
        {
          file: APPROVAL,
          replace: "  return runFrom(checkpoint.resumeAt, { ...checkpoint.shared, decision }, llm);",
          with: '  return runFrom("draft", { ...checkpoint.shared, decision }, llm);',
        },
      ],
    },
    {
      name: "leaves pausedAt in the checkpoint's store",
      kind: "mistake",
      caughtBy: "leaves a checkpoint that is plain JSON",
      edits: [
        {
          file: APPROVAL,
          replace: "checkpoint: { version: 1, resumeAt: pausedAt, shared: rest } };",
          with: "checkpoint: { version: 1, resumeAt: pausedAt, shared: { ...rest, pausedAt } } };",
        },
      ],
    },
    {
      name: "unserialisable has no guard against cycles",
      kind: "mistake",
      caughtBy: "finds a cycle instead of looping forever",
      edits: [
        {
          file: APPROVAL,
          replace:
            "  if (seen.has(value)) return [`${path} is a cycle back to an object that contains it`];\n",
          with: "",
        },
      ],
    },
    {
      name: "unserialisable walks every object as plain data, so Dates, Maps and class instances pass",
      kind: "mistake",
      caughtBy: "names everything JSON would lose or change, with its path",
      edits: [
        {
          file: APPROVAL,
          replace: `  if (value instanceof Date) return [\`\${path} is a Date (it would come back as a string)\`];
  if (value instanceof Map || value instanceof Set)
    return [\`\${path} is a \${value.constructor.name} (it would come back as {})\`];
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    return [\`\${path} is a \${value.constructor.name} (it would come back as a plain object)\`];
  }
`,
          with: "",
        },
      ],
    },
  ],

  "21-many-agents": [
    {
      name: "parseVerdict cuts the block out with split, and Supervisor.exec names the spent limit in one check",
      kind: "correct",
      edits: [
        {
          file: TEAM,
          replace: "  const block = /```yaml\\s*\\n([\\s\\S]*?)```/.exec(reply)?.[1];",
          with: '  const block = reply.split("```yaml")[1]?.split("```")[0];',
        },
        {
          file: TEAM,
          replace: SUPERVISOR_LIMITS,
          with: `    const spent = input.rounds >= this.maxRounds ? "rounds" : this.budget.left < 1 ? "budget" : undefined;
    if (spent !== undefined) return { verdict: "approve", reason: \`out of \${spent}\`, forced: true };`,
        },
      ],
    },
    {
      name: "buildTeam links one agent at a time, and Supervisor.post handles a revise first",
      kind: "correct",
      edits: [
        {
          file: TEAM,
          replace: `  researcher.next(writer).next(supervisor);
  supervisor.on("revise", writer); // the loop: back to the writer agent, with the feedback
  supervisor.on("approve", new Done());
  return new Flow(researcher);`,
          with: `  const team = new Flow<TeamStore>(researcher);
  researcher.next(writer);
  writer.next(supervisor);
  supervisor.on("revise", writer);
  supervisor.on("approve", new Done());
  return team;`,
        },
        {
          file: TEAM,
          replace: `    if (verdict.verdict === "approve") return "approve";
    shared.feedback = verdict.feedback;
    shared.rounds += 1;
    return "revise";`,
          with: `    if (verdict.verdict !== "revise") return "approve";
    shared.rounds += 1;
    shared.feedback = verdict.feedback;
    return "revise";`,
        },
      ],
    },
    {
      name: 'sends a "revise" back to the researcher, so the research is done again',
      kind: "mistake",
      caughtBy: "sends the draft back with the feedback, and only the writer works again",
      edits: [
        {
          file: TEAM,
          replace: '  supervisor.on("revise", writer);',
          with: '  supervisor.on("revise", researcher);',
        },
      ],
    },
    {
      name: "the agents ask through the raw ask, so only the supervisor's calls are counted",
      kind: "mistake",
      caughtBy: "shares one budget of calls between all agents and never goes past it",
      edits: [
        {
          file: TEAM,
          replace: `  const researcher = buildResearcher(counted);
  const writer = buildWriter(counted);`,
          with: `  const researcher = buildResearcher(ask);
  const writer = buildWriter(ask);`,
        },
      ],
    },
    {
      name: "no look-ahead: sends a draft back when the budget cannot pay for the revision",
      kind: "mistake",
      caughtBy: "does not send a draft back when the budget cannot pay for the revision and its review",
      edits: [
        {
          file: TEAM,
          replace: `    if (verdict.verdict === "revise" && this.budget.left < 2) {
      return { verdict: "approve", reason: "out of budget", forced: true };
    }
`,
          with: "",
        },
      ],
    },
    {
      name: "asks the supervisor when the rounds are spent, then overrules it: one call too many",
      kind: "mistake",
      caughtBy: "stops sending the draft back after maxRounds, whatever the supervisor says",
      edits: [
        {
          file: TEAM,
          replace: `${SUPERVISOR_LIMITS}
    const verdict = parseVerdict(await this.ask("supervisor", reviewPrompt(input)));`,
          with: `    if (this.budget.left < 1) return { verdict: "approve", reason: "out of budget", forced: true };
    const verdict = parseVerdict(await this.ask("supervisor", reviewPrompt(input)));
    if (input.rounds >= this.maxRounds) return { verdict: "approve", reason: "out of rounds", forced: true };`,
        },
      ],
    },
    {
      name: "no check for a spent budget before the review, so the refused call ends the run",
      kind: "mistake",
      caughtBy: "lets the draft through without a review when the budget is spent before it",
      edits: [
        {
          file: TEAM,
          replace:
            '    if (this.budget.left < 1) return { verdict: "approve", reason: "out of budget", forced: true };\n',
          with: "",
        },
      ],
    },
  ],

  "22-codebase-tutorial": [
    {
      name: "WriteChapters is a ParallelBatchNode, as the lesson allows",
      kind: "correct",
      edits: [
        {
          file: TUTORIAL,
          replace: 'import { BatchNode, Flow, Node } from "./pocketflow";',
          with: 'import { Flow, Node, ParallelBatchNode } from "./pocketflow";',
        },
        {
          file: TUTORIAL,
          replace: "export class WriteChapters extends BatchNode<TutorialStore, ChapterJob, Chapter> {",
          with: "export class WriteChapters extends ParallelBatchNode<TutorialStore, ChapterJob, Chapter> {",
        },
        {
          file: TUTORIAL,
          replace:
            "  constructor(private readonly llm: CallLLM) {\n    super({ maxRetries: 3 });\n  }\n\n  override prep(shared: TutorialStore): ChapterJob[] {",
          with: "  constructor(private readonly llm: CallLLM) {\n    super({ maxRetries: 3, maxConcurrency: 2 });\n  }\n\n  override prep(shared: TutorialStore): ChapterJob[] {",
        },
      ],
    },
    {
      name: "parseOrder compares a sorted copy with 0…count−1, and index.md is written line by line",
      kind: "correct",
      edits: [
        {
          file: TUTORIAL,
          region: "parse-order",
          code: `export function parseOrder(reply: string, count: number): number[] {
  const data = fencedYaml(reply);
  if (!Array.isArray(data)) throw new Error("the order must be a list of indices");
  const order = data.map(indexOf);
  const sorted = [...order].sort((a, b) => a - b);
  if (sorted.length !== count || sorted.some((index, i) => index !== i)) {
    throw new Error(\`the order must list each of 0–\${count - 1} exactly once\`);
  }
  return order;
}`,
        },
        {
          file: TUTORIAL,
          region: "combine",
          code: `export function combineTutorial(shared: TutorialStore): Record<string, string> {
  const { project, summary = "", abstractions = [], relationships = [], chapters = [] } = shared;
  const quoted = (text: string) => \`"\${text.replaceAll('"', "'")}"\`;
  const lines = [\`# Tutorial: \${project}\`, "", summary, "", "\`\`\`mermaid", "flowchart TD"];
  abstractions.forEach((abstraction, i) => lines.push(\`  A\${i}[\${quoted(abstraction.name)}]\`));
  for (const { from, to, label } of relationships) lines.push(\`  A\${from} -->|\${quoted(label)}| A\${to}\`);
  lines.push("\`\`\`", "", "## Chapters", "");
  for (const chapter of chapters) lines.push(\`\${chapter.number}. [\${chapter.title}](\${chapter.file})\`);
  const output: Record<string, string> = { "index.md": \`\${lines.join("\\n")}\\n\` };
  for (const chapter of chapters) output[chapter.file] = \`\${chapter.markdown}\\n\`;
  return output;
}`,
        },
      ],
    },
    {
      name: 'reads file indices with Number, so "1 # src/flow.ts" becomes NaN',
      kind: "mistake",
      caughtBy: 'accepts files written as "1 # src/flow.ts"',
      edits: [
        {
          file: TUTORIAL,
          replace: "    const indices = files.map(indexOf);",
          with: "    const indices = files.map(Number);",
        },
      ],
    },
    {
      name: "parseOrder checks only the length, so a chapter twice and one missing pass",
      kind: "mistake",
      caughtBy: "throws unless every abstraction comes exactly once",
      edits: [
        {
          file: TUTORIAL,
          replace: `  for (let index = 0; index < count; index++) {
    const times = order.filter((entry) => entry === index).length;
    if (times !== 1) throw new Error(\`the order must list abstraction \${index} once, not \${times} times\`);
  }
`,
          with: "",
        },
      ],
    },
    {
      name: "WriteChapters.prep makes the jobs in the abstractions' own order, not the chosen one",
      kind: "mistake",
      caughtBy: "makes one job per abstraction, in the chosen order",
      edits: [
        {
          file: TUTORIAL,
          replace:
            "    const ordered = (shared.order ?? []).map((index) => abstractions[index]).filter((a) => a !== undefined);",
          with: "    const ordered = abstractions;",
        },
      ],
    },
    {
      name: "every chapter's prompt gets the whole codebase, not its own files",
      kind: "mistake",
      caughtBy: "with only its own files",
      edits: [
        {
          file: TUTORIAL,
          replace:
            "      code: abstraction.files.map((file) => shared.files[file]).filter((file) => file !== undefined),",
          with: "      code: shared.files,",
        },
      ],
    },
    {
      name: "adds the chapter heading even when the model wrote one",
      kind: "mistake",
      caughtBy: "asks the model once per chapter and names each chapter's file",
      edits: [
        {
          file: TUTORIAL,
          replace: '    const markdown = text.startsWith("# ") ? text : `${heading}\\n\\n${text}`;',
          with: "    const markdown = `${heading}\\n\\n${text}`;",
        },
      ],
    },
    {
      name: "sorts each abstraction's files but keeps a file named twice",
      kind: "mistake",
      caughtBy: "lists each file once, in order",
      edits: [
        {
          file: TUTORIAL,
          replace: "      files: [...new Set(indices)].sort((a, b) => a - b),",
          with: "      files: indices.sort((a, b) => a - b),",
        },
      ],
    },
    {
      name: "accepts an empty list of abstractions, so the tutorial has no chapters",
      kind: "mistake",
      caughtBy: "throws on a reply that is not a non-empty list",
      edits: [
        {
          file: TUTORIAL,
          replace: "  if (!Array.isArray(data) || data.length === 0) throw",
          with: "  if (!Array.isArray(data)) throw",
        },
      ],
    },
    {
      name: "checks the name but not the description, which it turns into a string",
      kind: "mistake",
      caughtBy: "lacks a name or a description",
      edits: [
        {
          file: TUTORIAL,
          replace: `    if (typeof description !== "string" || description.trim() === "") {
      throw new Error(\`abstraction "\${name}" has no description\`);
    }
`,
          with: "",
        },
        {
          file: TUTORIAL,
          replace: "      description: description.trim(),",
          with: '      description: String(description ?? "").trim(),',
        },
      ],
    },
    {
      name: "checks file indices against the count only, so -1 passes",
      kind: "mistake",
      caughtBy: "names a file that does not exist",
      edits: [
        {
          file: TUTORIAL,
          replace: "indices.find((index) => index < 0 || index >= fileCount)",
          with: "indices.find((index) => index >= fileCount)",
        },
      ],
    },
  ],
};
