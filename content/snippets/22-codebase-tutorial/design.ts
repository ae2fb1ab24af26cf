// Lesson 22: the design of a codebase-to-tutorial app, in miniature, traced step by step.
// Runs offline: `npx tsx content/snippets/22-codebase-tutorial/design.ts`
import { parse } from "yaml";
import { BatchNode, Flow, Node } from "../../../core/index";
import { formatTrace, Tracer } from "../../../core/trace";

type File = { path: string; content: string };

// #region select
/** Which files the model gets to see: source, not tests or build output, and none too big to read. */
function selectFiles(files: File[], maxChars = 20_000): File[] {
  return files.filter(
    ({ path, content }) =>
      /\.(ts|js|py|md)$/.test(path) &&
      !/(^|\/)(node_modules|dist)\//.test(path) &&
      !/\.test\.ts$/.test(path) &&
      content.length <= maxChars,
  );
}
// #endregion select

// #region indices
/** A model's answer names files by index, and every index is checked: "file 7" of 4 files is a retry. */
function checkIndices(entries: unknown, count: number, what: string): number[] {
  if (!Array.isArray(entries)) throw new Error(`${what} must be a list of indices`);
  return entries.map((entry) => {
    const index = Number.parseInt(String(entry), 10); // "2 # src/flow.ts" → 2
    if (!(index >= 0 && index < count))
      throw new Error(`${what} names ${String(entry)}, but there are ${count}`);
    return index;
  });
}
// #endregion indices

type Store = {
  files: File[];
  concepts?: { name: string; files: number[] }[];
  order?: number[];
  chapters?: string[];
};
type CallLLM = (prompt: string) => Promise<string>;

class FindConcepts extends Node<Store, File[], { name: string; files: number[] }[]> {
  constructor(private readonly llm: CallLLM) {
    super({ maxRetries: 3 });
  }
  override prep(shared: Store) {
    return shared.files;
  }
  override async exec(files: File[]) {
    const list = parse(await this.llm(`concepts of ${files.length} files`)) as {
      name: string;
      files: unknown;
    }[];
    return list.map(({ name, files: refs }) => ({ name, files: checkIndices(refs, files.length, name) }));
  }
  override post(shared: Store, _files: unknown, concepts: { name: string; files: number[] }[]) {
    shared.concepts = concepts;
  }
}

class ChooseOrder extends Node<Store, number, number[]> {
  constructor(private readonly llm: CallLLM) {
    super({ maxRetries: 3 });
  }
  override prep(shared: Store) {
    return shared.concepts?.length ?? 0;
  }
  override async exec(count: number) {
    const order = checkIndices(parse(await this.llm("order")), count, "the order");
    if (new Set(order).size !== count || order.length !== count) throw new Error("each concept exactly once");
    return order;
  }
  override post(shared: Store, _count: number, order: number[]) {
    shared.order = order;
  }
}

class WriteChapters extends BatchNode<Store, string, string> {
  constructor(private readonly llm: CallLLM) {
    super();
  }
  override prep(shared: Store) {
    return (shared.order ?? []).map((index) => shared.concepts?.[index]?.name ?? "?");
  }
  override exec(name: string) {
    return this.llm(`chapter: ${name}`);
  }
  override post(shared: Store, _names: unknown, chapters: string[]) {
    shared.chapters = chapters;
  }
}

// #region run
const repo: File[] = [
  { path: "src/node.ts", content: "export class Node {}" },
  { path: "src/flow.ts", content: "export class Flow {}" },
  { path: "src/flow.test.ts", content: "test('flow')" },
  { path: "dist/index.js", content: "/* built */" },
];
const replies: Record<string, string> = {
  "concepts of 2 files": "- name: Node\n  files: [0]\n- name: Flow\n  files: ['1 # src/flow.ts', 0]",
  order: "[0, 1]",
};
const llm: CallLLM = async (prompt) => replies[prompt] ?? `# ${prompt.replace("chapter: ", "")}\n…`;

const find = new FindConcepts(llm);
find.next(new ChooseOrder(llm)).next(new WriteChapters(llm));
const tracer = new Tracer();
await tracer.attach(new Flow<Store>(find)).run({ files: selectFiles(repo) });
console.log(formatTrace(tracer.take().steps, { timings: false, maxLength: 70 }).join("\n"));
// → 1. Flow → default
// →   2. FindConcepts → default
// →        + concepts = [{ name: "Node", files: [0] }, { name: "Flow", files: [1, 0] }]
// →   3. ChooseOrder → default
// →        + order = [0, 1]
// →   4. WriteChapters → default
// →        + chapters = ["# Node\n…", "# Flow\n…"]
// #endregion run
