// Reads the exercise type environment from node_modules (build time, the CLI and the checks; the
// browser gets the same texts inside the language-service worker's bundle).
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { EXERCISE_LIB, TYPED_PACKAGES, libClosure, type ExerciseEnvironment } from "./environment";

const require = createRequire(import.meta.url);

/** The folder of typescript's lib.*.d.ts files (and of typescript.js itself). */
export const typescriptLibDir = () => dirname(require.resolve("typescript"));

/** A package's package.json and every declaration file in it, keyed `name/path`. */
function packageTypes(name: string): Record<string, string> {
  const dir = dirname(require.resolve(`${name}/package.json`));
  const files: Record<string, string> = {
    [`${name}/package.json`]: readFileSync(join(dir, "package.json"), "utf8"),
  };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".d.ts")) continue;
    const full = join(entry.parentPath, entry.name);
    if (full.includes("node_modules", dir.length)) continue; // its own dependencies are not ours
    files[`${name}/${relative(dir, full).split("\\").join("/")}`] = readFileSync(full, "utf8");
  }
  return files;
}

let cached: ExerciseEnvironment | undefined;

/** Every lib file the exercise target needs, and the types of the packages exercises may import. */
export function loadExerciseEnvironment(): ExerciseEnvironment {
  if (cached) return cached;
  const libDir = typescriptLibDir();
  const libs = libClosure(EXERCISE_LIB, (name) => readFileSync(join(libDir, name), "utf8"));
  const packages = Object.assign({}, ...TYPED_PACKAGES.map(packageTypes)) as Record<string, string>;
  cached = { libs, packages };
  return cached;
}
