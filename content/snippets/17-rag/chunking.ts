// Lesson 17: chunk size is a trade-off. The same notes, cut three ways.
// `npx tsx content/snippets/17-rag/chunking.ts`

// #region chunk
/** Packs whole paragraphs into chunks of at most maxChars each. */
function chunkBySize(text: string, maxChars: number): string[] {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "");
  const chunks: string[] = [];
  let current = "";
  for (const paragraph of paragraphs) {
    if (current !== "" && current.length + 2 + paragraph.length > maxChars) {
      chunks.push(current); // this chunk is full: start the next one
      current = paragraph;
    } else {
      current = current === "" ? paragraph : `${current}\n\n${paragraph}`;
    }
  }
  if (current !== "") chunks.push(current);
  return chunks;
}
// #endregion chunk

// #region sizes
const notes = `The Fetch node downloads a page with the site's API.

It retries three times, two seconds apart.

The Summarize node asks the model for three bullet points about the page.

Its fallback returns the page's first paragraph when the model keeps failing.

Both nodes key what they write by the page's URL.`;

for (const maxChars of [80, 160, 1000]) {
  const chunks = chunkBySize(notes, maxChars);
  const sizes = chunks.map((chunk) => chunk.split("\n\n").length);
  const retries = chunks.find((chunk) => chunk.includes("retries")) ?? "";
  console.log(`${maxChars}: [${sizes.join(", ")}] "${retries.slice(0, 24)}…"`);
}
// Max chars: paragraphs per chunk, and the start of the chunk about retries:
// 80: [1, 1, 1, 1, 1] "It retries three times, …"   ← retries what?
// 160: [2, 2, 1] "The Fetch node downloads…"      ← the fact with its subject
// 1000: [5] "The Fetch node downloads…"           ← one vector for it all
// #endregion sizes
