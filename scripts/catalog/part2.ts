// Part 2's variants: the patterns written the other ways their lessons allow, and the mistakes that a
// suite must catch, including every leak the course's review found (13, 15, 16, 17) and the correct
// designs it once rejected (11's goodbye node, 13's parallel map).
import type { Variant } from "./variant";

/** Retrieve.exec's body in exercise 17's reference solution. */
const RETRIEVE_EXEC = `    return index
      .map((chunk) => ({ ...chunk, score: cosine(queryVector, chunk.vector) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, this.topK);`;

export const part2: Record<string, Variant[]> = {
  "11-chatbot": [
    {
      name: 'ends on a Goodbye node linked to "done", as lesson 11\'s snippet does',
      kind: "correct",
      edits: [
        {
          file: "chatbot.ts",
          replace: `  turn.on("continue", turn); // the self-loop: after a reply, the same node runs again
  return new Flow(turn);`,
          with: `  turn.on("continue", turn);
  turn.on("done", new Goodbye());
  return new Flow(turn);
}

class Goodbye extends Node<ChatStore> {
  override post(shared: ChatStore) {
    console.log(\`Goodbye after \${shared.turns ?? 0} turns.\`);
  }`,
        },
      ],
    },
    {
      name: "recognises exit words with a regular expression, and skips the call with an if",
      kind: "correct",
      edits: [
        {
          file: "chatbot.ts",
          replace: "if (EXIT_WORDS.includes(input.trim().toLowerCase())) return undefined;",
          with: 'if (new RegExp(`^\\\\s*(${EXIT_WORDS.join("|")})\\\\s*$`, "i").test(input)) return undefined;',
        },
        {
          file: "chatbot.ts",
          replace: "    return messages && this.llm(messages);",
          with: `    if (messages === undefined) return undefined;
    return this.llm(messages);`,
        },
      ],
    },
    {
      name: "treats any line that contains an exit word as an exit",
      kind: "mistake",
      caughtBy: "treats a message that merely contains bye as a normal message",
      edits: [
        {
          file: "chatbot.ts",
          replace: "if (EXIT_WORDS.includes(input.trim().toLowerCase())) return undefined;",
          with: "if (EXIT_WORDS.some((word) => input.toLowerCase().includes(word))) return undefined;",
        },
      ],
    },
    {
      name: "counts the turns on the node, which the flow copies afresh every turn",
      kind: "mistake",
      caughtBy: "stops after maxTurns replies even if the user never says bye",
      edits: [
        {
          file: "chatbot.ts",
          replace: `    shared.turns = (shared.turns ?? 0) + 1;
    return shared.turns >= this.maxTurns ? "done" : "continue";`,
          with: `    this.turns += 1;
    shared.turns = this.turns;
    return this.turns >= this.maxTurns ? "done" : "continue";`,
        },
        {
          file: "chatbot.ts",
          replace: "  private readonly maxTurns: number;",
          with: "  private readonly maxTurns: number;\n  private turns = 0;",
        },
      ],
    },
    {
      name: "adds the exit word to the history before checking it",
      kind: "mistake",
      caughtBy: "ends when the user says bye, without calling the model",
      edits: [
        {
          file: "chatbot.ts",
          replace: `    if (EXIT_WORDS.includes(input.trim().toLowerCase())) return undefined;
    shared.messages.push({ role: "user", content: input });`,
          with: `    shared.messages.push({ role: "user", content: input });
    if (EXIT_WORDS.includes(input.trim().toLowerCase())) return undefined;`,
        },
      ],
    },
  ],

  "12-structured-output": [
    {
      name: "cuts the YAML out with split, as the slides do",
      kind: "correct",
      edits: [
        {
          file: "resume.ts",
          replace: `  const match = /\`\`\`yaml\\s*\\n([\\s\\S]*?)\`\`\`/i.exec(answer);
  if (!match?.[1]) throw new Error("the answer has no \`\`\`yaml block");
  return match[1].trim();`,
          with: `  const [, after] = answer.split("\`\`\`yaml");
  if (after === undefined) throw new Error("the answer has no \`\`\`yaml block");
  const [inside = ""] = after.split("\`\`\`");
  if (inside.trim() === "") throw new Error("the \`\`\`yaml block is empty");
  return inside.trim();`,
        },
      ],
    },
    {
      name: "validates each text field through one helper that names it",
      kind: "correct",
      edits: [
        {
          file: "resume.ts",
          replace: `  if (!isText(fields.name)) throw new Error("name is missing");
  if (!isText(fields.email)) throw new Error("email is missing");`,
          with: `  const text = (key: string): string => {
    const value = fields[key];
    if (!isText(value)) throw new Error(\`\${key} is missing\`);
    return value;
  };
  const name = text("name");
  const email = text("email");`,
        },
        {
          file: "resume.ts",
          replace: "  return { name: fields.name, email: fields.email, experience };",
          with: "  return { name, email, experience };",
        },
      ],
    },
    {
      name: "parses the block as JSON instead of YAML",
      kind: "mistake",
      caughtBy: "ParseResume",
      edits: [
        {
          file: "resume.ts",
          replace: "return { ok: true, resume: validateResume(parse(extractYaml(answer))) };",
          with: "return { ok: true, resume: validateResume(JSON.parse(extractYaml(answer))) };",
        },
      ],
    },
    {
      name: 'no fallback: the last error escapes instead of ending on "failed"',
      kind: "mistake",
      caughtBy: 'tries 3 times by default, then stores the error and returns "failed"',
      edits: [
        {
          file: "resume.ts",
          replace: "    return { ok: false, error: error.message };",
          with: "    throw error;",
        },
      ],
    },
    {
      name: "drops the default of three attempts",
      kind: "mistake",
      caughtBy: "asks again after an answer with no ```yaml block",
      edits: [
        {
          file: "resume.ts",
          replace: "constructor(llm: CallLLM, { maxRetries = 3, wait = 0 }: NodeOptions = {}) {",
          with: "constructor(llm: CallLLM, { maxRetries = 1, wait = 0 }: NodeOptions = {}) {",
        },
      ],
    },
    {
      name: "accepts any experience list without checking its jobs",
      kind: "mistake",
      caughtBy: "rejects experience that is not a list of jobs with a title and a company",
      edits: [
        {
          file: "resume.ts",
          replace: `    if (!isText(job.title) || !isText(job.company))
      throw new Error(\`experience \${i + 1} needs a title and a company\`);
    return { title: job.title, company: job.company };`,
          with: "    return { title: String(job.title ?? i), company: String(job.company) };",
        },
      ],
    },
  ],

  "13-map-reduce": [
    {
      name: "a ParallelBatchNode map, which lesson 14 swaps in",
      kind: "correct",
      edits: [
        {
          file: "map-reduce.ts",
          replace: 'import { BatchNode, Flow, Node, type NodeOptions } from "./pocketflow";',
          with: 'import { Flow, Node, ParallelBatchNode, type NodeOptions } from "./pocketflow";',
        },
        {
          file: "map-reduce.ts",
          replace: "export class ScreenResumes extends BatchNode<ScreeningStore, ResumeFile, Screening> {",
          with: "export class ScreenResumes extends ParallelBatchNode<ScreeningStore, ResumeFile, Screening> {",
        },
      ],
    },
    {
      name: "the reduce step adds up with one reduce",
      kind: "correct",
      edits: [
        {
          file: "map-reduce.ts",
          replace: `    const qualified = screenings.filter((s) => s.qualified);
    return {
      total: screenings.length,
      qualified: qualified.length,
      qualifiedNames: qualified.map((s) => s.name),
      unreadable: screenings.filter((s) => s.error !== undefined).map((s) => s.file),
    };`,
          with: `    return screenings.reduce<Summary>(
      (sum, s) => ({
        total: sum.total + 1,
        qualified: sum.qualified + (s.qualified ? 1 : 0),
        qualifiedNames: s.qualified ? [...sum.qualifiedNames, s.name] : sum.qualifiedNames,
        unreadable: s.error === undefined ? sum.unreadable : [...sum.unreadable, s.file],
      }),
      { total: 0, qualified: 0, qualifiedNames: [], unreadable: [] },
    );`,
        },
      ],
    },
    {
      name: "no fallback: one unreadable resume stops the whole batch",
      kind: "mistake",
      caughtBy: "marks a resume that never gets a usable answer as not qualified",
      edits: [
        {
          file: "map-reduce.ts",
          replace:
            '    return { file: resume.file, name: "unknown", qualified: false, error: error.message };',
          with: "    throw error;",
        },
      ],
    },
    {
      name: 'takes any qualified value, so "maybe" counts as a verdict',
      kind: "mistake",
      caughtBy: "treats a qualified that is not true or false",
      edits: [
        {
          file: "map-reduce.ts",
          replace: `    if (typeof verdict.qualified !== "boolean") throw new Error("qualified must be true or false");
    return { file: resume.file, name: verdict.name, qualified: verdict.qualified };`,
          with: "    return { file: resume.file, name: verdict.name, qualified: verdict.qualified === true };",
        },
      ],
    },
    {
      name: "sends a prompt of its own instead of screeningPrompt(resume.text)",
      kind: "mistake",
      caughtBy: "is a BatchNode, so exec handles one resume at a time",
      edits: [
        {
          file: "map-reduce.ts",
          replace:
            "    const verdict = (readYamlBlock(await this.llm(screeningPrompt(resume.text))) ?? {}) as Record<",
          with: '    const verdict = (readYamlBlock(await this.llm(screeningPrompt(resume.text + "\\n" + resume.text))) ?? {}) as Record<',
        },
      ],
    },
  ],

  "14-parallel-calls": [
    {
      name: "passes every option on with a spread",
      kind: "correct",
      edits: [
        {
          file: "parallel.ts",
          replace: `  constructor(llm: CallLLM, { maxConcurrency = 5, maxRetries = 2, wait = 0 }: ParallelOptions = {}) {
    super({ maxConcurrency, maxRetries, wait });`,
          with: `  constructor(llm: CallLLM, options: ParallelOptions = {}) {
    super({ maxRetries: 2, ...options, maxConcurrency: options.maxConcurrency ?? 5 });`,
        },
      ],
    },
    {
      name: "exec chains the call with then instead of await",
      kind: "correct",
      edits: [
        {
          file: "parallel.ts",
          replace: "    return readScreening(await this.llm(screeningPrompt(resume.text)), resume.file);",
          with: "    return this.llm(screeningPrompt(resume.text)).then((answer) => readScreening(answer, resume.file));",
        },
      ],
    },
    {
      name: "keeps lesson 13's BatchNode: one call after another",
      kind: "mistake",
      caughtBy: "finishes in about the time of the longest call",
      edits: [
        {
          file: "parallel.ts",
          replace:
            'import { Flow, ParallelBatchNode, type ConcurrencyOptions, type NodeOptions } from "./pocketflow";',
          with: 'import { BatchNode, Flow, ParallelBatchNode, type ConcurrencyOptions, type NodeOptions } from "./pocketflow";',
        },
        {
          file: "parallel.ts",
          replace:
            "export class ScreenInParallel extends ParallelBatchNode<ParallelStore, ResumeFile, Screening> {",
          with: "export class ScreenInParallel extends BatchNode<ParallelStore, ResumeFile, Screening> {",
        },
      ],
    },
    {
      name: "forgets to pass maxConcurrency on, so every call starts at once",
      kind: "mistake",
      caughtBy: "never has more than maxConcurrency calls in flight",
      edits: [
        {
          file: "parallel.ts",
          replace: "    super({ maxConcurrency, maxRetries, wait });",
          with: "    super({ maxRetries, wait });",
        },
      ],
    },
    {
      name: "hard-codes 5 calls at a time, whatever the options say",
      kind: "mistake",
      caughtBy: "takes about count ÷ maxConcurrency rounds",
      edits: [
        {
          file: "parallel.ts",
          replace: "    super({ maxConcurrency, maxRetries, wait });",
          with: "    super({ maxConcurrency: 5, maxRetries, wait });",
        },
      ],
    },
  ],

  "15-workflow": [
    {
      name: "a parser that needs a space after each marker, and drafts written in parallel",
      kind: "correct",
      edits: [
        {
          file: "workflow.ts",
          replace: '    .map((line) => line.replace(/^\\s*(?:[-*•]|\\d+[.)])\\s*/, "").trim())',
          with: '    .map((line) => line.trim().replace(/^(?:[-*•]|\\d+[.)])\\s+/, "").trim())',
        },
        {
          file: "workflow.ts",
          replace: 'import { BatchNode, Flow, Node } from "./pocketflow";',
          with: 'import { Flow, Node, ParallelBatchNode } from "./pocketflow";',
        },
        {
          file: "workflow.ts",
          replace: "export class DraftSections extends BatchNode<ArticleStore, SectionTask, Draft> {",
          with: "export class DraftSections extends ParallelBatchNode<ArticleStore, SectionTask, Draft> {",
        },
      ],
    },
    {
      name: "a parser that checks each marker kind in turn, without one regex",
      kind: "correct",
      edits: [
        {
          file: "workflow.ts",
          replace: '    .map((line) => line.replace(/^\\s*(?:[-*•]|\\d+[.)])\\s*/, "").trim())',
          with: `    .map((line) => {
      const text = line.trim();
      if (["-", "*", "•"].includes(text[0] ?? "")) return text.slice(1).trim();
      const number = /^\\d+[.)]/.exec(text);
      return number ? text.slice(number[0].length).trim() : text;
    })`,
        },
      ],
    },
    {
      name: 'a greedy parser that strips every leading digit, dot and dash, so "2024 outlook" becomes "outlook"',
      kind: "mistake",
      caughtBy: "strips only the list marker",
      edits: [
        {
          file: "workflow.ts",
          replace: '    .map((line) => line.replace(/^\\s*(?:[-*•]|\\d+[.)])\\s*/, "").trim())',
          with: '    .map((line) => line.replace(/^[\\s\\d.)*•-]+/, "").trim())',
        },
      ],
    },
    {
      name: "Outline accepts an empty outline instead of asking again",
      kind: "mistake",
      caughtBy: "asks for the outline again when it comes back empty",
      edits: [
        {
          file: "workflow.ts",
          replace: '    if (sections.length === 0) throw new Error("the outline has no sections");\n',
          with: "",
        },
      ],
    },
    {
      name: "Combine joins the drafts' texts without their titles",
      kind: "mistake",
      caughtBy: "combines every draft under its title",
      edits: [
        {
          file: "workflow.ts",
          replace:
            'const body = drafts.map((draft) => `## ${draft.title}\\n\\n${draft.text}`).join("\\n\\n");',
          with: 'const body = drafts.map((draft) => draft.text).join("\\n\\n");',
        },
      ],
    },
  ],

  "16-agent": [
    {
      name: "parseDecision cuts the block out with split, and the graph is wired step by step",
      kind: "correct",
      edits: [
        {
          file: "agent.ts",
          replace: `  const match = /\`\`\`yaml\\s*\\n([\\s\\S]*?)\`\`\`/i.exec(answer);
  if (!match?.[1]) throw new Error("the decision has no \`\`\`yaml block");
  const data = (parse(match[1]) ?? {}) as Record<string, unknown>;`,
          with: `  const block = answer.split("\`\`\`yaml")[1]?.split("\`\`\`")[0];
  if (block === undefined) throw new Error("the decision has no \`\`\`yaml block");
  const data = (parse(block) ?? {}) as Record<string, unknown>;`,
        },
        {
          file: "agent.ts",
          replace: `  decide.on("search", new SearchWeb(search)).on("decide", decide); // the loop back to the brain
  decide.on("answer", new Answer(llm));`,
          with: `  const searchWeb = new SearchWeb(search);
  const answer = new Answer(llm);
  decide.on("search", searchWeb);
  decide.on("answer", answer);
  searchWeb.on("decide", decide);`,
        },
      ],
    },
    {
      name: "Decide's prep counts the searches left, and exec answers when none are",
      kind: "correct",
      edits: [
        {
          file: "agent.ts",
          replace: "    return { question, findings, canSearch: findings.length < this.maxSearches };",
          with: `    const searchesLeft = this.maxSearches - findings.length;
    return { question, findings, canSearch: searchesLeft > 0 };`,
        },
      ],
    },
    {
      name: "asks the model at the limit too, then overrules it: one model call too many",
      kind: "mistake",
      caughtBy: "answers after maxSearches searches",
      edits: [
        {
          file: "agent.ts",
          replace: `    if (!input.canSearch) return { action: "answer" };
    return parseDecision(await this.llm(decidePrompt(input)));`,
          with: `    const decision = parseDecision(await this.llm(decidePrompt(input)));
    return input.canSearch ? decision : { action: "answer" };`,
        },
      ],
    },
    {
      name: "no step limit: the model decides how long to search",
      kind: "mistake",
      caughtBy: "answers after maxSearches searches",
      edits: [
        { file: "agent.ts", replace: '    if (!input.canSearch) return { action: "answer" };\n', with: "" },
      ],
    },
    {
      name: "parseDecision turns an unknown action into an answer instead of throwing",
      kind: "mistake",
      caughtBy: "throws on a missing block, an unknown action, or a search without a query",
      edits: [
        {
          file: "agent.ts",
          replace: '  if (data.action === "answer") return { action: "answer" };',
          with: '  if (data.action !== "search") return { action: "answer" };',
        },
      ],
    },
  ],

  "17-rag": [
    {
      name: "cosine with reduce, and Retrieve ranking a sorted copy",
      kind: "correct",
      edits: [
        {
          file: "rag.ts",
          replace: `  let dot = 0;
  let normA = 0;
  let normB = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  });
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);`,
          with: `  const dot = a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
  const norm = (v: number[]) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
  const lengths = norm(a) * norm(b);
  return lengths === 0 ? 0 : dot / lengths;`,
        },
        {
          file: "rag.ts",
          replace: RETRIEVE_EXEC,
          with: `    const hits: Hit[] = index.map((chunk) => ({ ...chunk, score: cosine(queryVector, chunk.vector) }));
    return [...hits].sort((a, b) => b.score - a.score).slice(0, this.topK);`,
        },
      ],
    },
    {
      name: "sources collected with a filter instead of a Set",
      kind: "correct",
      edits: [
        {
          file: "rag.ts",
          replace: "    shared.sources = [...new Set(hits.map((hit) => hit.source))];",
          with: "    shared.sources = hits.map((hit) => hit.source).filter((source, i, all) => all.indexOf(source) === i);",
        },
      ],
    },
    {
      name: "Retrieve scores and sorts shared.index in place",
      kind: "mistake",
      caughtBy: "leaves shared.index as it was",
      edits: [
        {
          file: "rag.ts",
          replace: RETRIEVE_EXEC,
          with: `    const scored = index as Hit[];
    for (const chunk of scored) chunk.score = cosine(queryVector, chunk.vector);
    return scored.sort((a, b) => b.score - a.score).slice(0, this.topK);`,
        },
      ],
    },
    {
      name: "Retrieve sorts the index in place, then copies the hits",
      kind: "mistake",
      caughtBy: "leaves shared.index as it was",
      edits: [
        {
          file: "rag.ts",
          replace: RETRIEVE_EXEC,
          with: `    const score = (chunk: IndexedChunk) => cosine(queryVector, chunk.vector);
    index.sort((a, b) => score(b) - score(a));
    return index.slice(0, this.topK).map((chunk) => ({ ...chunk, score: score(chunk) }));`,
        },
      ],
    },
    {
      name: "ranks by the dot product, so long chunks win",
      kind: "mistake",
      caughtBy: "ranks by cosine similarity, not by raw overlap",
      edits: [
        {
          file: "rag.ts",
          replace: "  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);",
          with: "  return normA === 0 || normB === 0 ? 0 : dot;",
        },
      ],
    },
    {
      name: "cosine divides by a zero norm and gives NaN",
      kind: "mistake",
      caughtBy: "is 0, not NaN, when a vector is all zeros",
      edits: [
        {
          file: "rag.ts",
          replace: "  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);",
          with: "  return dot / Math.sqrt(normA * normB);",
        },
      ],
    },
  ],
};
