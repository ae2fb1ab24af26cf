// Types on hover in the lessons' code listings, worked out at build time by twoslash (with the
// project's TypeScript 6 and tsconfig). A listing is a region of a tested file, so twoslash checks
// the whole file and shows only the region: the names in it have the types they have in context.
// Each name with a type gets one attribute, data-type, on the token Shiki already emits; a small
// script (type-popup.ts) shows it on pointer hover. No markup per popup, so pages stay light.
import { createTransformerFactory, type TwoslashRenderer } from "@shikijs/twoslash/core";
import type { ShikiTransformer } from "shiki";
import { createTwoslasher } from "twoslash";
import ts from "typescript";
import { locateRegion } from "./regions";

const root = process.cwd();

/**
 * The compiler options of the project's own tsconfig.json (as `tsc --noEmit` checks these files),
 * with the ECMAScript lib alone: the DOM's types, which no listing uses, would triple the build's
 * time spent here.
 */
export function listingCompilerOptions(): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    `${root}/tsconfig.json`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (!parsed) throw new Error("tsconfig.json could not be read for the listings' types");
  return { ...parsed.options, lib: ["lib.esnext.d.ts"], noEmit: true };
}

/** Only the type, in one attribute: `(method) Node<S, P, E>.exec(...)` as the editor shows it. */
const renderer: TwoslashRenderer = {
  nodeStaticInfo: (info, node) => ({
    type: "element",
    tagName: "span",
    properties: { dataType: info.text },
    children: [node],
  }),
};

/** Twoslash keeps the newline before `---cut-after---`; a listing should not end on an empty line. */
const withoutFinalNewline: ShikiTransformer = {
  name: "listing-final-newline",
  preprocess: (code) => code.replace(/\r?\n$/, ""),
};

let transformers: ShikiTransformer[] | undefined;

/** Shiki transformers for listings (one twoslash instance, so TypeScript loads once a build). */
export function typeHoverTransformers(): ShikiTransformer[] {
  transformers ??= [
    createTransformerFactory(
      createTwoslasher({ tsModule: ts, vfsRoot: root, compilerOptions: listingCompilerOptions() }),
      renderer,
    )({
      langs: ["ts"],
      throws: true,
      // tsc and the exercise check already type-check every file a listing comes from; skipping the
      // errors here halves the time (type-hovers.test.ts checks this environment has none).
      twoslashOptions: { handbookOptions: { noErrors: true } },
    }),
    withoutFinalNewline,
  ];
  return transformers;
}

/**
 * The code twoslash reads for region `region` of `file`: the whole file, with the region's lines
 * replaced by the listing's (dedented, nested markers gone: the same code, as indentation does not
 * change what TypeScript sees) between cut markers, so that only the listing is shown.
 */
export function twoslashSource(file: string, source: string, region: string): string {
  const { code, startLine, endLine } = locateRegion(source, region, file);
  const lines = source.split(/\r?\n/);
  // Beside the real file, so its relative imports resolve, but not over it: twoslash empties its
  // virtual files after each listing, and another listing may import the real one.
  const listing = file.replace(/\.ts$/, ".listing.ts");
  return [
    `// @filename: ${listing}`,
    ...lines.slice(0, startLine + 1),
    "// ---cut---",
    code,
    "// ---cut-after---",
    ...lines.slice(endLine),
  ].join("\n");
}
