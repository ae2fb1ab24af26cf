// The arithmetic of embedding retrieval: cosine similarity and top-k.

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/** Indexes and scores of the `k` vectors most similar to `query`, best first. */
export function topK(query: number[], vectors: number[][], k: number): { index: number; score: number }[] {
  return vectors
    .map((vector, index) => ({ index, score: cosine(query, vector) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}
