// A TypeScript language service over one exercise's files: the learner's files (and read-only ones
// such as a provided core) at the root of a virtual file system, beside the lib files and package
// types of the exercise environment. The same class answers the editor's worker, `npm run learn`
// and the exercise check, so all three report the same errors. `ts` is passed in: the worker has
// it from typescript.js, Node from the package.
import type * as TS from "typescript";
import { EXERCISE_GLOBALS, VIRTUAL, exerciseCompilerOptions, type ExerciseEnvironment } from "./environment";

/** Files by workspace path (`pocketflow.ts`), as the engines take them. */
export type Files = Record<string, string>;

/** One problem the checker found, with 1-based line and column as editors and terminals show. */
export interface TypeIssue {
  /** Workspace path of the file: `nodes.ts`. */
  file: string;
  /** Offsets into the file's text (UTF-16, as in the editor). */
  start: number;
  end: number;
  line: number;
  column: number;
  message: string;
  /** TypeScript's error code (`2322` for TS2322). */
  code: number;
  severity: "error" | "warning";
}

export interface DisplayPart {
  text: string;
  /** TypeScript's kind of the part: `keyword`, `className`, `punctuation`, … */
  kind: string;
}

export interface HoverInfo {
  start: number;
  end: number;
  parts: DisplayPart[];
  /** The JSDoc text of the name, if any. */
  documentation: string;
}

export interface CompletionItem {
  name: string;
  /** TypeScript's ScriptElementKind: `method`, `property`, `class`, `keyword`, … */
  kind: string;
  sortText: string;
  insertText?: string;
}

export interface Completions {
  items: CompletionItem[];
  /** After a `.`: the items are the members of the value before it. */
  member: boolean;
}

export interface CompletionDetail {
  parts: DisplayPart[];
  documentation: string;
}

export interface DefinitionTarget {
  file: string;
  start: number;
  end: number;
}

interface ScriptFile {
  text: string;
  version: number;
}

const toVirtual = (path: string) => VIRTUAL.root + path;
const fromVirtual = (name: string) =>
  name.startsWith(VIRTUAL.root) ? name.slice(VIRTUAL.root.length) : name;

export class ExerciseService {
  private readonly files = new Map<string, ScriptFile>();
  private readonly statics = new Map<string, string>();
  /** Every folder that holds a static file, for module resolution's directoryExists. */
  private readonly staticDirs = new Set<string>();
  private readonly service: TS.LanguageService;

  constructor(
    private readonly ts: typeof TS,
    environment: ExerciseEnvironment,
  ) {
    for (const [name, text] of Object.entries(environment.libs))
      this.statics.set(VIRTUAL.libDir + name, text);
    for (const [path, text] of Object.entries(environment.packages)) {
      this.statics.set(VIRTUAL.nodeModules + path, text);
    }
    this.statics.set(VIRTUAL.globals, EXERCISE_GLOBALS);
    for (const name of this.statics.keys()) {
      for (let end = name.lastIndexOf("/"); end > 0; end = name.lastIndexOf("/", end - 1)) {
        this.staticDirs.add(name.slice(0, end + 1));
      }
    }
    const options = exerciseCompilerOptions(ts);
    const read = (name: string) => this.files.get(name)?.text ?? this.statics.get(name);
    const host: TS.LanguageServiceHost = {
      getScriptFileNames: () => [VIRTUAL.globals, ...this.files.keys()],
      getScriptVersion: (name) => String(this.files.get(name)?.version ?? 0),
      getScriptSnapshot: (name) => {
        const text = read(name);
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCurrentDirectory: () => VIRTUAL.root,
      getCompilationSettings: () => options,
      getDefaultLibFileName: (settings) => VIRTUAL.libDir + ts.getDefaultLibFileName(settings),
      fileExists: (name) => read(name) !== undefined,
      readFile: read,
      directoryExists: (dir) => this.hasDirectory(dir),
      getDirectories: () => [],
      realpath: (name) => name,
      useCaseSensitiveFileNames: () => true,
    };
    this.service = ts.createLanguageService(host, ts.createDocumentRegistry());
  }

  /** Makes `files` the whole workspace: new and changed files are updated, missing ones dropped. */
  setFiles(files: Files): void {
    for (const name of [...this.files.keys()]) {
      if (!(fromVirtual(name) in files)) this.files.delete(name);
    }
    for (const [path, text] of Object.entries(files)) this.updateFile(path, text);
  }

  /** Adds or changes one file (a keystroke in the editor sends the file's new text). */
  updateFile(path: string, text: string): void {
    const name = toVirtual(path);
    const known = this.files.get(name);
    if (known?.text === text) return;
    this.files.set(name, { text, version: (known?.version ?? 0) + 1 });
  }

  /** Syntax and type errors of the given files (all workspace files by default), in file order. */
  check(paths: string[] = this.paths()): TypeIssue[] {
    return paths.flatMap((path) => this.diagnostics(path));
  }

  paths(): string[] {
    return [...this.files.keys()].map(fromVirtual);
  }

  diagnostics(path: string): TypeIssue[] {
    const name = toVirtual(path);
    if (!this.files.has(name)) return [];
    const found = [
      ...this.service.getSyntacticDiagnostics(name),
      ...this.service.getSemanticDiagnostics(name),
    ];
    const { ts } = this;
    return found.flatMap((diagnostic): TypeIssue[] => {
      if (diagnostic.start === undefined || !diagnostic.file) return [];
      if (diagnostic.category === ts.DiagnosticCategory.Suggestion) return [];
      const start = diagnostic.start;
      const { line, character } = ts.getLineAndCharacterOfPosition(diagnostic.file, start);
      return [
        {
          file: path,
          start,
          end: start + (diagnostic.length ?? 0),
          line: line + 1,
          column: character + 1,
          message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
          code: diagnostic.code,
          severity: diagnostic.category === ts.DiagnosticCategory.Error ? "error" : "warning",
        },
      ];
    });
  }

  hover(path: string, pos: number): HoverInfo | undefined {
    const info = this.service.getQuickInfoAtPosition(toVirtual(path), pos);
    if (!info?.displayParts?.length) return undefined;
    return {
      start: info.textSpan.start,
      end: info.textSpan.start + info.textSpan.length,
      parts: info.displayParts.map(({ text, kind }) => ({ text, kind })),
      documentation: this.ts.displayPartsToString(info.documentation),
    };
  }

  completions(path: string, pos: number, triggerCharacter?: TS.CompletionsTriggerCharacter): Completions {
    const found = this.service.getCompletionsAtPosition(toVirtual(path), pos, {
      triggerCharacter,
      includeCompletionsWithInsertText: true,
      includeCompletionsForModuleExports: false,
    });
    if (!found) return { items: [], member: false };
    return {
      member: found.isMemberCompletion,
      items: found.entries.map(({ name, kind, sortText, insertText }) => ({
        name,
        kind,
        sortText,
        ...(insertText !== undefined && insertText !== name ? { insertText } : {}),
      })),
    };
  }

  completionDetail(path: string, pos: number, name: string): CompletionDetail | undefined {
    const detail = this.service.getCompletionEntryDetails(
      toVirtual(path),
      pos,
      name,
      {},
      undefined,
      {},
      undefined,
    );
    if (!detail) return undefined;
    return {
      parts: detail.displayParts.map(({ text, kind }) => ({ text, kind })),
      documentation: this.ts.displayPartsToString(detail.documentation),
    };
  }

  /** Where the name at `pos` is declared, among the workspace's files (not lib or package types). */
  definition(path: string, pos: number): DefinitionTarget[] {
    const found = this.service.getDefinitionAtPosition(toVirtual(path), pos) ?? [];
    return found.flatMap(({ fileName, textSpan }) =>
      this.files.has(fileName)
        ? [{ file: fromVirtual(fileName), start: textSpan.start, end: textSpan.start + textSpan.length }]
        : [],
    );
  }

  private hasDirectory(dir: string): boolean {
    const prefix = dir.endsWith("/") ? dir : `${dir}/`;
    if (prefix === VIRTUAL.root || this.staticDirs.has(prefix)) return true;
    for (const name of this.files.keys()) if (name.startsWith(prefix)) return true;
    return false;
  }
}
