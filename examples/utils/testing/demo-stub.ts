// A stand-in LLM for trying the examples offline: canned, plausible answers picked by the prompt.
// It checks the plumbing (HTTP, streaming, retries, YAML, branching), not the intelligence.
//   npx tsx examples/utils/testing/demo-stub.ts        (STUB_PORT=8787, STUB_DELAY_MS=300, STUB_FAIL_FIRST=429,
//                                                       STUB_FAULT=silent|stall|drop|html)
//   OPENAI_BASE_URL=http://127.0.0.1:8787/v1 LLM_MODEL=stub EMBEDDING_MODEL=stub npm run example -- rag
import { embedAll, promptOf, startStub, type StubReply, type StubRequest } from "./stub-server";

const fence = (yaml: string) => `Here you go:\n\n\`\`\`yaml\n${yaml}\n\`\`\``;

function answer(prompt: string): string {
  if (prompt.includes("Analyze the resume")) {
    const email = /[\w.+-]+@[\w-]+\.[\w.]+/.exec(prompt)?.[0] ?? "unknown@example.com";
    const name = /```\n[!\s]*([^!\n]+)/.exec(prompt)?.[1]?.trim() ?? "Unknown";
    return fence(
      `name: ${name}\nemail: ${email}\nexperience:\n  - title: SALES MANAGER\n    company: ABC Corportaion\n` +
        "  - title: ASST. MANAGER\n    company: XYZ Industries",
    );
  }
  if (prompt.includes("You screen resumes")) {
    const resume = /```\n([\s\S]*?)```/.exec(prompt)?.[1] ?? "";
    const name = (resume.split(/[—|,<\n]| - |\s{2,}/)[0] ?? "").trim();
    const skilled = /python|typescript/i.test(resume) && !/intern|bootcamp|student/i.test(resume);
    const reason = skilled ? "several years of Python or TypeScript" : "not enough relevant experience";
    return fence(`name: ${name}\nqualifies: ${skilled}\nreasons:\n  - ${reason}`);
  }
  if (prompt.includes("section titles")) {
    const topic = /about "([^"]+)"/.exec(prompt)?.[1] ?? "the topic";
    return fence(`sections:\n  - Why ${topic} matters\n  - Key risks\n  - What we can do`);
  }
  if (prompt.includes("Write one paragraph")) {
    const title = /section "([^"]+)"/.exec(prompt)?.[1] ?? "this section";
    return `${title}: a short paragraph a real model would write, three or four sentences long.`;
  }
  if (prompt.includes("Combine these sections")) {
    const topic = /article about "([^"]+)"/.exec(prompt)?.[1] ?? "The topic";
    return `# ${topic}: a short guide\n\n${prompt.split("\n\n").slice(1).join("\n\n")}`;
  }
  // Part 3: streaming, approval, supervisor, tutorial.
  if (prompt.includes("Answer clearly in one or two short paragraphs.")) {
    const question = prompt.split("\n").at(-1) ?? "";
    return (
      `A stub's answer to "${question}": the words arrive one by one, as a real model's would, so you can ` +
      "watch them stream and press Ctrl+C halfway to keep what came so far."
    );
  }
  if (prompt.includes("Write a headline")) return "Streaming, one word at a time";
  if (prompt.includes("Write a short blog post")) {
    const topic = /about: (.*?)\. Reply/.exec(prompt)?.[1] ?? "the topic";
    return `${topic[0]?.toUpperCase() ?? ""}${topic.slice(1)} matters more than it seems. Here is why, in three short points.`;
  }
  if (prompt.includes("Revise this blog post")) {
    const feedback = /feedback: (.*)/.exec(prompt)?.[1] ?? "";
    return `A revised post that takes the editor's note to heart (${feedback}), with a concrete example.`;
  }
  if (prompt.includes("You supervise a research assistant")) {
    const answer = prompt.split("Answer:\n")[1]?.split("\n\n")[0] ?? "";
    return answer.includes("because")
      ? fence("verdict: approve\nreason: it explains why and cites the lesson")
      : fence(
          "verdict: revise\nreason: it says what, not why\nfeedback: Explain why, and keep the citation.",
        );
  }
  if (prompt.startsWith("Rewrite this answer")) {
    const slug = /\[(\d\d-[\w-]+)\]/.exec(prompt)?.[1] ?? "06-the-flow";
    return `A flow runs a shallow copy of each node because a copy keeps each run's params apart [${slug}].`;
  }
  if (prompt.startsWith("For the project")) {
    const files = [...prompt.matchAll(/^- (\d+) # (.+)$/gm)].slice(0, 4);
    const items = files.map(([, index, path]) => {
      const name =
        (path ?? "")
          .split("/")
          .at(-1)
          ?.replace(/\.\w+$/, "") ?? "part";
      return `  - name: ${name[0]?.toUpperCase() ?? ""}${name.slice(1)}\n    description: What ${path} is for.\n    files: [${index}]`;
    });
    return fence(`abstractions:\n${items.join("\n")}`);
  }
  if (prompt.startsWith("These are the main abstractions")) {
    const count = [...prompt.matchAll(/^- \d+ # /gm)].length;
    const links = Array.from(
      { length: Math.max(0, count - 1) },
      (_, i) => `  - from: ${i + 1}\n    to: ${i}\n    label: builds on`,
    );
    return fence(
      `summary: A project explained by the demo stub.\nrelationships:\n${links.join("\n") || "  []"}`,
    );
  }
  if (prompt.startsWith("In what order")) {
    const count = [...prompt.matchAll(/^- \d+ # /gm)].length;
    return fence(`order: [${Array.from({ length: count }, (_, i) => i).join(", ")}]`);
  }
  if (prompt.startsWith("Write chapter")) {
    const name = /: ([^:\n]+)\.\n/.exec(prompt)?.[1] ?? "this part";
    return `A stub's chapter about ${name}: a real model writes the motivation, an analogy, code and a summary here.`;
  }
  if (prompt.includes("Decide: 'search'")) {
    if (prompt.includes("No previous search.")) {
      const question = /Question: (.*)/.exec(prompt)?.[1] ?? "";
      return fence(
        `action: search\nreason: I need the lessons first\nsearch_query: ${question.replace(/[?:]/g, "")}`,
      );
    }
    return fence("action: answer\nreason: the search results cover it");
  }
  if (prompt.includes("excerpts from the course") || prompt.includes("research from the course")) {
    const slug = /\[(\d\d-[\w-]+)\]/.exec(prompt.split("Cite")[0] ?? "")?.[1];
    return slug
      ? `A flow runs a shallow copy of each node and follows the action that post returns [${slug}].`
      : "The lessons I was given do not answer this.";
  }
  const last = prompt.split("\n").at(-1) ?? "";
  return `You said "${last}". I am a stub, so I can only echo — but the tokens did stream!`;
}

/** STUB_FAULT: how the first answer goes wrong, to see what the examples do about it. */
const FAULTS: Record<string, StubReply> = {
  silent: { silent: true },
  stall: {
    content: "This answer stalls after its first words and never ends.",
    cut: { after: 3, then: "stall" },
  },
  drop: { content: "This answer breaks off after its first words.", cut: { after: 3, then: "drop" } },
  html: { body: "<!doctype html><title>Sign in to the Wi-Fi</title><p>Sign in", contentType: "text/html" },
};

let failures = Number(process.env.STUB_FAIL_FIRST || process.env.STUB_FAULT ? 1 : 0);
const handler = (request: StubRequest): StubReply => {
  if (failures > 0) {
    failures--;
    const fault = FAULTS[process.env.STUB_FAULT ?? ""];
    if (fault) return fault;
    return {
      status: Number(process.env.STUB_FAIL_FIRST),
      message: "Simulated failure",
      headers: { "retry-after": "1" },
    };
  }
  if (request.path === "/v1/embeddings") return embedAll(request);
  return { content: answer(promptOf(request)), delayMs: Number(process.env.STUB_DELAY_MS ?? 300) };
};

const stub = await startStub(handler, Number(process.env.STUB_PORT ?? 8787));
process.stdout.write(`Demo stub listening: OPENAI_BASE_URL=${stub.url} LLM_MODEL=stub (Ctrl+C to stop)\n`);
