// Named regions let a lesson show code straight from the tested source, so the text cannot drift from it.
//
//   // #region flow
//   ...code...
//   // #endregion flow
//
// Regions may nest; an `#endregion` without a name closes the innermost open region.
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";

type Marker = { kind: "region" | "endregion"; name: string | undefined };

const MARKER = /^\s*\/\/\s*#(region|endregion)\b\s*(\S*)/;

function parseMarker(line: string): Marker | undefined {
  const match = MARKER.exec(line);
  if (!match) return undefined;
  return { kind: match[1] as Marker["kind"], name: match[2] || undefined };
}

/** The names of all regions in `source`, in the order they open. */
export function listRegions(source: string): string[] {
  const names: string[] = [];
  for (const line of source.split(/\r?\n/)) {
    const marker = parseMarker(line);
    if (marker?.kind === "region" && marker.name && !names.includes(marker.name)) names.push(marker.name);
  }
  return names;
}

/** Removes the indentation every non-blank line shares, and blank lines at both ends. */
export function dedent(lines: string[]): string {
  const body = [...lines];
  while (body.length > 0 && body[0]?.trim() === "") body.shift();
  while (body.length > 0 && body.at(-1)?.trim() === "") body.pop();
  const indents = body.filter((line) => line.trim() !== "").map((line) => /^\s*/.exec(line)?.[0].length ?? 0);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return body.map((line) => line.slice(cut).trimEnd()).join("\n");
}

/**
 * The code inside region `region` of `source`: without its marker lines or any nested markers, dedented.
 * Throws an Error naming `fileLabel` and the regions it does have, so a typo fails the build clearly.
 */
export function extractRegion(source: string, region: string, fileLabel: string): string {
  return locateRegion(source, region, fileLabel).code;
}

/** Where a region sits in its file: its code (as `extractRegion` gives it), and the 0-based lines
 *  of its opening and closing markers, so a tool can see the code in its file's context. */
export interface RegionLocation {
  code: string;
  startLine: number;
  endLine: number;
}

/** Finds `region` in `source`, with the same checks and messages as `extractRegion`. */
export function locateRegion(source: string, region: string, fileLabel: string): RegionLocation {
  const lines = source.split(/\r?\n/);
  const starts = lines.flatMap((line, i) => {
    const marker = parseMarker(line);
    return marker?.kind === "region" && marker.name === region ? [i] : [];
  });
  if (starts.length === 0) {
    const known = listRegions(source);
    const there = known.length > 0 ? `Regions there: ${known.join(", ")}` : "That file has no regions at all";
    throw new Error(
      `Region "${region}" not found in ${fileLabel}. ${there} — check the region name in the lesson.`,
    );
  }
  const [start] = starts as [number];
  if (starts.length > 1) {
    throw new Error(
      `Region "${region}" appears ${starts.length} times in ${fileLabel}; region names must be unique.`,
    );
  }

  // Walk to the marker that closes our region, keeping a stack so nested regions may close first.
  const open: (string | undefined)[] = [region];
  const body: string[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] as string;
    const marker = parseMarker(line);
    if (!marker) {
      body.push(line);
      continue;
    }
    if (marker.kind === "region") {
      open.push(marker.name);
      continue;
    }
    const innermost = open.pop();
    if (marker.name && innermost && marker.name !== innermost) {
      throw new Error(
        `In ${fileLabel} line ${i + 1}, "#endregion ${marker.name}" closes region "${innermost}"; ` +
          `regions must close in the reverse order they open.`,
      );
    }
    if (open.length === 0) {
      const code = dedent(body);
      if (code === "") throw new Error(`Region "${region}" in ${fileLabel} is empty.`);
      return { code, startLine: start, endLine: i };
    }
  }
  throw new Error(
    `Region "${region}" in ${fileLabel} opens on line ${start + 1} but never closes: ` +
      `add "// #endregion ${region}" after its code.`,
  );
}

/** The project root: Astro and vitest both run from it, while `import.meta.url` moves once bundled. */
const root = process.cwd();

/** Reads a file given relative to the project root (build time only), refusing paths outside it. */
export function readRepoFile(file: string): string {
  const path = resolve(root, file);
  const inside = relative(root, path);
  if (inside.startsWith("..") || isAbsolute(inside)) {
    throw new Error(
      `"${file}" is outside the project; give a path relative to its root, like core/index.ts.`,
    );
  }
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`Cannot read ${file} (looked in ${path}) for a code region.`, { cause: error });
  }
}

/** The code of `region` in the repo-relative `file`, read at build time. */
export function loadRegion(file: string, region: string): string {
  return extractRegion(readRepoFile(file), region, file);
}
