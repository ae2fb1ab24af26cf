// A tiny CommonJS module system over the workspace's files: relative imports resolve among the
// given files (with or without `.ts`, or a folder's `index.ts`), bare imports only to an
// allow-list of packages. Each instance has its own cache, so every test file gets fresh copies
// of the learner's modules, as vitest's per-file isolation does.
import { toCommonJs } from "./transform";

export type SourceFiles = Record<string, string>;
/** Allowed packages by import name; each builds its module object (namespace-like, `__esModule`). */
export type PackageTable = Record<string, () => object>;

export type Resolved = { kind: "file"; path: string } | { kind: "package"; name: string };

export class ModuleResolutionError extends Error {
  override name = "ModuleResolutionError";
}

/** Joins a relative specifier to the importer's folder; undefined when it leaves the workspace. */
export function joinPath(fromFile: string, specifier: string): string | undefined {
  const parts = fromFile.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}

function candidatesFor(path: string): string[] {
  const candidates = [path, `${path}.ts`, `${path}/index.ts`];
  // TypeScript's NodeNext style names the compiled file: `./pocketflow.js` means pocketflow.ts.
  if (path.endsWith(".js")) candidates.splice(1, 0, `${path.slice(0, -3)}.ts`);
  return candidates;
}

export function resolve(
  files: SourceFiles,
  packages: PackageTable,
  fromFile: string,
  specifier: string,
): Resolved {
  if (specifier.startsWith(".") || specifier.startsWith("/")) {
    const base = specifier.startsWith("/") ? joinPath("", specifier) : joinPath(fromFile, specifier);
    const path = base === undefined ? undefined : candidatesFor(base).find((candidate) => candidate in files);
    if (path === undefined) {
      throw new ModuleResolutionError(
        `Cannot find module '${specifier}' imported by ${fromFile}` +
          (base ? ` (looked for ${candidatesFor(base).join(", ")})` : ""),
      );
    }
    return { kind: "file", path };
  }
  if (Object.hasOwn(packages, specifier)) return { kind: "package", name: specifier };
  const allowed = Object.keys(packages).join(", ");
  throw new ModuleResolutionError(
    `Package '${specifier}' is not available in exercises; allowed: ${allowed} (imported by ${fromFile})`,
  );
}

/** Whether a relative specifier names one of `files`. */
function isResolvable(files: SourceFiles, fromFile: string, specifier: string): boolean {
  const base = joinPath(fromFile, specifier);
  return base !== undefined && candidatesFor(base).some((candidate) => candidate in files);
}

type Require = (specifier: string) => unknown;
type ModuleBody = (exports: object, require: Require, module: { exports: unknown }) => unknown;

/** Compiles CommonJS code to a function; `sourceURL` names the file in stack traces. */
function compile(path: string, code: string, asAsync: boolean): ModuleBody {
  const wrapped =
    `(${asAsync ? "async " : ""}function (exports, require, module) {${code}\n})` +
    `\n//# sourceURL=${encodeURI(path)}`;
  try {
    // Indirect eval runs in the worker's global scope, never in this module's closure.
    return (0, eval)(wrapped) as ModuleBody;
  } catch (error) {
    // Sucrase lets a few invalid programs through; the engine then only names the file.
    if (error instanceof SyntaxError) throw new SyntaxError(`${path}: ${error.message}`, { cause: error });
    throw error;
  }
}

export interface ModuleSystem {
  /** Evaluates a workspace file (once) and returns its exports. */
  load(path: string): unknown;
  /** Evaluates a test file; its body may use top-level await, as vitest's ES modules can. */
  loadEntry(path: string): Promise<unknown>;
}

export interface ModuleOptions {
  /** Compiled code by path, shared between module systems of one run (transforming is pure). */
  compiled?: Map<string, string>;
  /** Stands in for a workspace file that is not among `files` (planning a suite without the
   *  learner's code); without it such an import fails, as in Node. */
  missing?: () => unknown;
  /** Adds the milliseconds spent transforming TypeScript, for the run's profile. */
  onTransform?: (ms: number) => void;
}

export function createModuleSystem(
  files: SourceFiles,
  packages: PackageTable,
  { compiled = new Map<string, string>(), missing, onTransform }: ModuleOptions = {},
): ModuleSystem {
  const modules = new Map<string, { exports: unknown }>();
  const packageModules = new Map<string, object>();

  const codeOf = (path: string): string => {
    let code = compiled.get(path);
    if (code === undefined) {
      const started = performance.now();
      code = toCommonJs(path, files[path] ?? "");
      onTransform?.(performance.now() - started);
      compiled.set(path, code);
    }
    return code;
  };

  const requireFrom =
    (fromFile: string): Require =>
    (specifier) => {
      if (missing && specifier.startsWith(".") && !isResolvable(files, fromFile, specifier)) return missing();
      const target = resolve(files, packages, fromFile, specifier);
      if (target.kind === "file") return load(target.path);
      let module = packageModules.get(target.name);
      if (!module) packageModules.set(target.name, (module = packages[target.name]?.() ?? {}));
      return module;
    };

  function evaluate(path: string, asAsync: boolean): unknown {
    const module = { exports: {} as unknown };
    modules.set(path, module);
    if (path.endsWith(".json")) {
      module.exports = JSON.parse(files[path] ?? "null");
      return undefined;
    }
    try {
      const result = compile(path, codeOf(path), asAsync).call(
        undefined,
        module.exports as object,
        requireFrom(path),
        module,
      );
      if (result instanceof Promise) result.catch(() => modules.delete(path));
      return result;
    } catch (error) {
      modules.delete(path); // as in Node: a module that threw is evaluated again next time
      throw error;
    }
  }

  function load(path: string): unknown {
    const cached = modules.get(path);
    if (cached) return cached.exports; // a cycle or a second import: CommonJS semantics
    evaluate(path, false);
    return modules.get(path)?.exports;
  }

  return {
    load,
    async loadEntry(path) {
      await evaluate(path, !path.endsWith(".json"));
      return modules.get(path)?.exports;
    },
  };
}
