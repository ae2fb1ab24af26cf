// The course's own lessons as a searchable corpus: MDX → plain text, split into sections by heading.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { ConfigError } from "./errors";

/** content/lessons in this repository; LESSONS_DIR or --lessons point elsewhere (tests use fixtures). */
export const DEFAULT_LESSONS_DIR = fileURLToPath(new URL("../../content/lessons/", import.meta.url));

export interface Section {
  /** `06-the-flow#the-loop-in-four-steps`: unique, stable. */
  id: string;
  /** The lesson's file name without extension: what answers cite, as `[06-the-flow]`. */
  slug: string;
  lessonTitle: string;
  heading: string;
  text: string;
  /** Which piece of a long section this chunk is (1, 2, ...), after chunkSections. */
  part?: number;
}

export interface Lesson {
  slug: string;
  title: string;
  sections: Section[];
}

/** Reads every *.mdx / *.md lesson in `dir`, in file-name order. */
export async function loadLessons(dir: string = DEFAULT_LESSONS_DIR): Promise<Lesson[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.mdx?$/.test(name)).sort();
  } catch {
    throw new ConfigError(`Cannot read the lessons folder ${dir}. Point LESSONS_DIR (or --lessons) at one.`);
  }
  if (names.length === 0) throw new ConfigError(`No lessons (*.mdx) in ${dir}.`);
  return Promise.all(
    names.map(async (name) =>
      parseLesson(name.replace(/\.mdx?$/, ""), await readFile(join(dir, name), "utf8")),
    ),
  );
}

/** One lesson: front matter gives the title and description; the body is split at its headings. */
export function parseLesson(slug: string, source: string): Lesson {
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  const meta = readFrontMatter(front?.[1]);
  const title = typeof meta.title === "string" ? meta.title : slug;
  const intro = typeof meta.description === "string" ? meta.description : "";
  const body = source.slice(front?.[0].length ?? 0);

  const sections: Section[] = [];
  let heading = title;
  let lines: string[] = intro ? [intro] : [];
  const flush = () => {
    const text = lines
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
    if (text) sections.push({ id: `${slug}#${slugify(heading)}`, slug, lessonTitle: title, heading, text });
    lines = [];
  };
  // Odd parts are fenced code blocks: kept as text (code is worth finding) but never split at a "#".
  body.split(/^(```[\s\S]*?^```)[ \t]*$/m).forEach((part, index) => {
    if (index % 2 === 1) {
      lines.push(part.split("\n").slice(1, -1).join("\n"));
      return;
    }
    for (const line of mdxToText(part).split("\n")) {
      const match = /^#{1,6}\s+(.+)$/.exec(line);
      if (match?.[1]) {
        flush();
        heading = match[1].trim();
      } else lines.push(line);
    }
  });
  flush();
  return { slug, title, sections };
}

function readFrontMatter(yaml: string | undefined): Record<string, unknown> {
  try {
    const value: unknown = yaml ? parse(yaml) : {};
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Prose only (no code fences): drops MDX imports/exports, comments and component tags; keeps their text. */
export function mdxToText(prose: string): string {
  return prose
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, "")
    .replace(/^(import|export)\s.*$/gm, "")
    .replace(/<\/?[A-Z][\w.]*(?:\s[^<>]*)?\/?>/g, "") // components, even across lines
    .split("\n")
    .map((line) =>
      // Inline code (odd parts) keeps its angle brackets: `Node<S, P, E>` is not a tag.
      line
        .split(/(`[^`]*`)/)
        .map((piece, i) => (i % 2 === 1 ? piece : stripInline(piece)))
        .join(""),
    )
    .join("\n");
}

const stripInline = (text: string) =>
  text
    .replace(/<\/?[a-z][\w-]*(?:\s[^<>]*)?\/?>/g, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2");

export const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-");

/** Splits long sections at paragraph breaks into pieces of at most about `maxChars`. */
export function chunkSections(sections: Section[], maxChars = 1200): Section[] {
  return sections.flatMap((section) => {
    if (section.text.length <= maxChars) return [section];
    const pieces: string[] = [];
    let current = "";
    for (const paragraph of section.text.split(/\n\s*\n/)) {
      if (current && current.length + paragraph.length + 2 > maxChars) {
        pieces.push(current);
        current = paragraph;
      } else current = current ? `${current}\n\n${paragraph}` : paragraph;
    }
    if (current) pieces.push(current);
    return pieces.map((text, i) => ({ ...section, id: `${section.id}-${i + 1}`, text, part: i + 1 }));
  });
}
