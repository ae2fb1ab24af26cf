// The capstone: from a folder of code to a tutorial — abstractions, relationships, order, chapters, files.
import { describe, expect, it, vi } from "vitest";
import {
  buildTutorialFlow,
  combineTutorial,
  parseAbstractions,
  parseOrder,
  WriteChapters,
  type TutorialStore,
} from "../tutorial";

const FILES = [
  { path: "src/node.ts", content: "export class Node { prep() {} exec() {} post() {} }" },
  { path: "src/flow.ts", content: "export class Flow { run() { /* follow the actions */ } }" },
  { path: "src/store.ts", content: "export type Shared = Record<string, unknown>;" },
  { path: "README.md", content: "# tiny-flow" },
];

const yaml = (body: string) => "```yaml\n" + body + "\n```";

const ABSTRACTIONS = yaml(`- name: Node
  description: One step of work, like a station on an assembly line.
  files: [0]
- name: Flow
  description: The conductor that decides which node runs next.
  files: ["1 # src/flow.ts", 0]
- name: Shared Store
  description: The whiteboard every node reads and writes.
  files: [2]`);

const RELATIONSHIPS = yaml(`summary: tiny-flow runs nodes in a graph.
relationships:
  - from: 1 # Flow
    to: 0 # Node
    label: runs
  - from: 0
    to: 2
    label: reads and writes`);

const ORDER = yaml("- 2 # Shared Store\n- 0 # Node\n- 1 # Flow");

/** A scripted model that answers each step's prompt by its heading, and logs which step asked. */
function model({ abstractions = [ABSTRACTIONS] }: { abstractions?: string[] } = {}) {
  const log: string[] = [];
  let identifyCalls = 0;
  const llm = vi.fn(async (prompt: string) => {
    const heading = prompt.split("\n")[0] ?? "";
    log.push(heading);
    if (heading.startsWith("## Abstractions"))
      return abstractions[Math.min(identifyCalls++, abstractions.length - 1)] ?? "";
    if (heading.startsWith("## Relationships")) return RELATIONSHIPS;
    if (heading.startsWith("## Order")) return ORDER;
    const chapter = /^## Chapter (\d+): (.+)$/.exec(heading);
    if (chapter) return `# Chapter ${chapter[1]}: ${chapter[2]}\n\nAll about ${chapter[2]}.`;
    throw new Error(`unexpected prompt: ${heading}`);
  });
  return { llm, log };
}

const newStore = (): TutorialStore => ({ project: "tiny-flow", files: FILES });

describe("parseAbstractions", () => {
  it("reads each abstraction's name, description and files", () => {
    const abstractions = parseAbstractions(ABSTRACTIONS, FILES.length);
    expect(abstractions.map((a) => a.name)).toEqual(["Node", "Flow", "Shared Store"]);
    expect(abstractions[0]).toEqual({
      name: "Node",
      description: "One step of work, like a station on an assembly line.",
      files: [0],
    });
  });

  it('accepts files written as "1 # src/flow.ts", and lists each file once, in order', () => {
    expect(parseAbstractions(ABSTRACTIONS, FILES.length)[1]?.files).toEqual([0, 1]);
    const twice = yaml('- name: Node\n  description: d\n  files: [2, "0 # src/node.ts", 2]');
    expect(parseAbstractions(twice, FILES.length)[0]?.files, "file 2 named twice").toEqual([0, 2]);
  });

  it("throws on a reply that is not a non-empty list, lacks a name or a description, or names a file that does not exist", () => {
    expect(() => parseAbstractions(ABSTRACTIONS, FILES.length), "a good reply must not throw").not.toThrow();
    expect(() => parseAbstractions(yaml("name: Node"), 4), "not a list").toThrow();
    expect(() => parseAbstractions(yaml("[]"), 4), "an empty list: no chapter to write").toThrow();
    expect(() => parseAbstractions(yaml("- description: no name\n  files: [0]"), 4), "no name").toThrow();
    expect(() => parseAbstractions(yaml("- name: Node\n  files: [0]"), 4), "no description").toThrow();
    expect(
      () => parseAbstractions(yaml("- name: Node\n  description: d\n  files: [7]"), 4),
      "file 7 of 4",
    ).toThrow(/7/);
    expect(
      () => parseAbstractions(yaml("- name: Node\n  description: d\n  files: [-1]"), 4),
      "file -1",
    ).toThrow(/-1/);
  });
});

describe("parseOrder", () => {
  it('reads the chapter order, with comments such as "2 # Shared Store"', () => {
    expect(parseOrder(ORDER, 3)).toEqual([2, 0, 1]);
  });

  it("throws unless every abstraction comes exactly once", () => {
    expect(() => parseOrder(ORDER, 3), "a good order must not throw").not.toThrow();
    expect(() => parseOrder(yaml("- 2\n- 0"), 3), "1 is missing").toThrow();
    expect(() => parseOrder(yaml("- 2\n- 0\n- 0"), 3), "0 twice").toThrow();
    expect(() => parseOrder(yaml("- 2\n- 0\n- 1\n- 3"), 3), "3 does not exist").toThrow();
  });
});

describe("WriteChapters", () => {
  const analysed = (): TutorialStore => ({
    ...newStore(),
    abstractions: parseAbstractions(ABSTRACTIONS, FILES.length),
    order: [2, 0, 1],
  });

  it("makes one job per abstraction, in the chosen order, with only its own files", () => {
    const jobs = new WriteChapters(model().llm).prep(analysed());
    expect(jobs.map((job) => [job.number, job.name])).toEqual([
      [1, "Shared Store"],
      [2, "Node"],
      [3, "Flow"],
    ]);
    expect(jobs[2]?.code.map((file) => file.path)).toEqual(["src/node.ts", "src/flow.ts"]);
    expect(jobs[2]?.previous, "a chapter knows the chapters before it").toEqual(["Shared Store", "Node"]);
    expect(jobs[0]?.previous).toEqual([]);
  });

  it("asks the model once per chapter and names each chapter's file", async () => {
    const { llm, log } = model();
    const shared = analysed();
    await new WriteChapters(llm).run(shared);
    expect(log).toEqual(["## Chapter 1: Shared Store", "## Chapter 2: Node", "## Chapter 3: Flow"]);
    expect(shared.chapters?.map((chapter) => chapter.file)).toEqual([
      "01_shared-store.md",
      "02_node.md",
      "03_flow.md",
    ]);
    expect(shared.chapters?.[1]?.markdown).toBe("# Chapter 2: Node\n\nAll about Node.");
  });

  it("adds the chapter heading when the model leaves it out", async () => {
    const shared = analysed();
    await new WriteChapters(async () => "Just the text.").run(shared);
    expect(shared.chapters?.[0]?.markdown).toBe("# Chapter 1: Shared Store\n\nJust the text.");
  });
});

describe("combineTutorial", () => {
  const written = (): TutorialStore => ({
    ...newStore(),
    abstractions: parseAbstractions(ABSTRACTIONS, FILES.length),
    summary: "tiny-flow runs nodes in a graph.",
    relationships: [
      { from: 1, to: 0, label: "runs" },
      { from: 0, to: 2, label: "reads and writes" },
    ],
    chapters: [
      { number: 1, title: "Shared Store", file: "01_shared-store.md", markdown: "# Chapter 1: Shared Store" },
      { number: 2, title: "Node", file: "02_node.md", markdown: "# Chapter 2: Node" },
    ],
  });

  it("writes index.md and one file per chapter", () => {
    expect(Object.keys(combineTutorial(written())).sort()).toEqual([
      "01_shared-store.md",
      "02_node.md",
      "index.md",
    ]);
    expect(combineTutorial(written())["02_node.md"]).toContain("# Chapter 2: Node");
  });

  it("puts the title, the summary and the chapter links, in order, into index.md", () => {
    const index = combineTutorial(written())["index.md"] ?? "";
    expect(index.startsWith("# Tutorial: tiny-flow")).toBe(true);
    expect(index).toContain("tiny-flow runs nodes in a graph.");
    const links = [...index.matchAll(/\[([^\]]+)\]\(([^)]+)\)/g)].map((match) => `${match[1]} → ${match[2]}`);
    expect(links).toEqual(["Shared Store → 01_shared-store.md", "Node → 02_node.md"]);
  });

  it("draws the abstractions and their relationships as a Mermaid flowchart", () => {
    const index = combineTutorial(written())["index.md"] ?? "";
    const mermaid = /```mermaid\n([\s\S]*?)```/.exec(index)?.[1] ?? "(no ```mermaid block)";
    expect(mermaid).toMatch(/^flowchart/);
    for (const name of ["Node", "Flow", "Shared Store"]) expect(mermaid).toContain(`"${name}"`);
    expect(mermaid).toContain("runs");
    expect(mermaid).toContain("reads and writes");
  });
});

describe("the whole flow", () => {
  it("turns the files into a tutorial: index.md and a chapter per abstraction", async () => {
    const { llm, log } = model();
    const shared = newStore();
    await buildTutorialFlow(llm).run(shared);
    expect(log.slice(0, 3)).toEqual(["## Abstractions of tiny-flow", "## Relationships", "## Order"]);
    expect(log, "3 analysis calls and 3 chapters").toHaveLength(6);
    expect(Object.keys(shared.output ?? {}).sort()).toEqual([
      "01_shared-store.md",
      "02_node.md",
      "03_flow.md",
      "index.md",
    ]);
  });

  it("asks again when the abstractions come back malformed", async () => {
    const { llm, log } = model({ abstractions: ["Here are the abstractions: Node, Flow.", ABSTRACTIONS] });
    const shared = newStore();
    await buildTutorialFlow(llm).run(shared);
    expect(log.filter((heading) => heading.startsWith("## Abstractions"))).toHaveLength(2);
    expect(shared.chapters).toHaveLength(3);
  });
});
