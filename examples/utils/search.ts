// Full-text search over lesson sections with MiniSearch (BM25 ranking): the agent's tool and RAG's fallback.
import MiniSearch from "minisearch";
import type { Section } from "./lessons";

export interface Hit {
  section: Section;
  score: number;
}

// Words that carry no meaning in a question ("how does the flow ...") only add noise to the ranking.
const STOP_WORDS = new Set(
  (
    "a an and are as at be by can do does for from how i in is it its me of on or so that the this to " +
    "was what when where which who why will with you your"
  )
    .split(" ")
    .filter(Boolean),
);

export class SectionSearch {
  private readonly index: MiniSearch<Section>;
  private readonly byId: Map<string, Section>;

  constructor(sections: Section[]) {
    this.byId = new Map(sections.map((section) => [section.id, section]));
    this.index = new MiniSearch<Section>({
      fields: ["heading", "lessonTitle", "text"],
      processTerm: (term) => {
        const word = term.toLowerCase();
        return STOP_WORDS.has(word) ? null : word;
      },
    });
    this.index.addAll(sections);
  }

  get size(): number {
    return this.byId.size;
  }

  /** The `limit` best sections for `query`; prefix and light fuzzy matching forgive "retry" vs "retries". */
  search(query: string, limit = 3): Hit[] {
    const results = this.index.search(query, {
      boost: { heading: 2, lessonTitle: 1.5 },
      prefix: (term) => term.length > 3,
      fuzzy: (term) => (term.length > 5 ? 0.2 : false),
    });
    return results.slice(0, limit).flatMap((result) => {
      const section = this.byId.get(String(result.id));
      return section ? [{ section, score: result.score }] : [];
    });
  }
}

/** Hits as a numbered text block for a prompt, each tagged with the lesson to cite. */
export function formatHits(hits: Hit[], maxChars = 1500): string {
  if (hits.length === 0) return "(no matching lesson sections)";
  return hits
    .map(({ section }) => {
      const text = section.text.length > maxChars ? `${section.text.slice(0, maxChars)} …` : section.text;
      return `[${section.slug}] ${section.lessonTitle} — ${section.heading}\n${text}`;
    })
    .join("\n\n");
}

/** The lessons an answer cites as `[slug]`, limited to those it was shown, in order of first mention. */
export function citedLessons(answer: string, shown: string[]): string[] {
  const known = new Set(shown);
  const cited = [...answer.matchAll(/\[([\w-]+)\]/g)].map((match) => match[1] ?? "");
  return [...new Set(cited.filter((slug) => known.has(slug)))];
}
