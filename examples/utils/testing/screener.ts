// A scripted screener for the map-reduce and parallel tests: answers by what the resume says.
import { promptOf, type StubReply, type StubRequest } from "./stub-server";

/** Qualifies resumes that mention Python or TypeScript; the name is the resume's first words. */
export function screenerReply(request: StubRequest, delayMs = 0): StubReply {
  const resume = /```\n([\s\S]*?)```/.exec(promptOf(request))?.[1] ?? "";
  const name = resume.split(" — ")[0]?.trim() ?? "?";
  const qualifies = /python|typescript/i.test(resume);
  return {
    content: `\`\`\`yaml\nname: ${name}\nqualifies: ${qualifies}\nreasons:\n  - ${qualifies ? "knows the stack" : "other field"}\n\`\`\``,
    delayMs,
  };
}
