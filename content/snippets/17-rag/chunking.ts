// Lesson 17: chunk size is a trade-off. The same notes, cut three ways.
// `npx tsx content/snippets/17-rag/chunking.ts`

// #region chunk
/** Packs whole paragraphs into chunks of at most maxChars; a longer paragraph becomes a chunk on its own. */
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
  const retries = chunks.find((chunk) => chunk.includes("retries")) ?? "";
  const sizes = chunks.map((chunk) => chunk.split("\n\n").length);
  console.log(
    `${maxChars}: paragraphs per chunk [${sizes.join(", ")}]; the retries chunk: "${retries.slice(0, 24)}…"`,
  );
}
// 80: paragraphs per chunk [1, 1, 1, 1, 1]; the retries chunk: "It retries three times, …"    ← retries what?
// 160: paragraphs per chunk [2, 2, 1]; the retries chunk: "The Fetch node downloads…"     ← fact and subject
// 1000: paragraphs per chunk [5]; the retries chunk: "The Fetch node downloads…"          ← one blurred vector
// #endregion sizes
