// The type environment of an exercise, the same in the editor's worker, `npm run learn` and the
// exercise check: compiler options, the globals every test engine provides, and where each file
// sits in the checker's virtual file system. Pure data: it imports neither `node:` nor the DOM.
import type * as TS from "typescript";

/** Text of every file the checker reads besides the learner's: lib.*.d.ts and package types. */
export interface ExerciseEnvironment {
  /** `lib.es5.d.ts` → text, for every lib file the exercises' target needs. */
  libs: Record<string, string>;
  /** Package files by path below `node_modules/`: `yaml/package.json`, `yaml/dist/index.d.ts`, … */
  packages: Record<string, string>;
}

/** The newest ECMAScript whose library every engine runs (Node 22 and current browsers). */
export const EXERCISE_LIB = "lib.es2024.d.ts";

/** Packages an exercise may import (DESIGN.md's allow-list), whose types the checker needs. */
export const TYPED_PACKAGES = ["yaml"] as const;

/** Where files live in the checker's virtual file system: the learner's at the root. */
export const VIRTUAL = {
  root: "/",
  libDir: "/lib/",
  nodeModules: "/node_modules/",
  globals: "/exercise-globals.d.ts",
} as const;

/**
 * Globals that every engine gives exercise code (a Web Worker, Node and the WebContainer alike).
 * Not lib.dom nor @types/node: code that leans on either would run in one engine and not another.
 */
export const EXERCISE_GLOBALS = `
interface Console {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
  table(data: unknown): void;
}
declare var console: Console;
declare function setTimeout(handler: (...args: any[]) => void, ms?: number, ...args: any[]): number;
declare function clearTimeout(id: number | undefined): void;
declare function setInterval(handler: (...args: any[]) => void, ms?: number, ...args: any[]): number;
declare function clearInterval(id: number | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
declare var performance: { now(): number };
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}
declare var AbortSignal: { abort(reason?: unknown): AbortSignal; timeout(ms: number): AbortSignal };
interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { new (): AbortController };
`;

/** The options the project's own code is checked with (tsconfig.json), minus what needs Node. */
export function exerciseCompilerOptions(ts: typeof TS): TS.CompilerOptions {
  return {
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    noFallthroughCasesInSwitch: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    esModuleInterop: true,
    forceConsistentCasingInFileNames: true,
    skipLibCheck: true,
    noEmit: true,
    lib: [EXERCISE_LIB],
    types: [],
  };
}

const LIB_REFERENCE = /^\/\/\/\s*<reference\s+lib="([^"]+)"\s*\/>/gm;

/**
 * The lib files `entry` needs, following its `/// <reference lib>` lines. `read` returns a lib
 * file's text by name (from node_modules at build time).
 */
export function libClosure(entry: string, read: (name: string) => string): Record<string, string> {
  const libs: Record<string, string> = {};
  const pending = [entry];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (name in libs) continue;
    const text = read(name);
    libs[name] = text;
    for (const [, lib] of text.matchAll(LIB_REFERENCE)) pending.push(`lib.${lib?.toLowerCase()}.d.ts`);
  }
  return libs;
}
