// Build time (Node): installs the sandbox project from its lock file and makes the binary snapshot
// the page mounts into the WebContainer (`@webcontainer/snapshot`), gzipped. Both are cached under
// .cache/ by the project's hash, so only a change to the project costs an install.
import { snapshot } from "@webcontainer/snapshot";
import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import {
  npmInstall,
  PROJECT_FILES,
  projectHash,
  SNAPSHOT_MANIFEST,
  type ProjectFiles,
  type SnapshotManifest,
} from "../layout";

export const projectDir = fileURLToPath(new URL("../project/", import.meta.url));

export function readProjectFiles(dir = projectDir): ProjectFiles {
  return Object.fromEntries(
    PROJECT_FILES.map((name) => [name, readFileSync(join(dir, name), "utf8")]),
  ) as ProjectFiles;
}

export function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output}`)),
    );
  });
}

/** The project installed from its lock file, exactly as `npm ci` in the WebContainer would. */
export async function installProject(cacheRoot: string, files: ProjectFiles, hash: string): Promise<string> {
  const dir = join(cacheRoot, hash, "installed");
  const done = join(dir, "node_modules", ".installed");
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of PROJECT_FILES) writeFileSync(join(dir, name), files[name]);
  await run(npmInstall.command, npmInstall.args, dir);
  writeFileSync(done, hash);
  return dir;
}

/** Left out of the snapshot: what only editors, compilers and browsers read. Licences stay. */
export function leftOut(path: string): boolean {
  if (/(^|\/)(LICEN[CS]E|NOTICE)[^/]*$/i.test(path)) return false;
  return (
    /\.(d\.[cm]?ts|map|md|markdown)$/i.test(path) ||
    path.startsWith("node_modules/@types/") ||
    path === "node_modules/.installed" ||
    // esbuild's browser builds; Node runs lib/main.js.
    /^node_modules\/esbuild\/(esm\/|lib\/browser)/.test(path)
  );
}

export interface Snapshot {
  hash: string;
  /** gzip of the `@webcontainer/snapshot` output: what the site serves. */
  gzipped: Buffer;
  rawBytes: number;
  files: number;
}

/** Copies the installed project without symlinks (the snapshot format has none) and the files left out. */
function stage(installed: string, staging: string): Record<string, string> {
  const links: Record<string, string> = {};
  rmSync(staging, { recursive: true, force: true });
  cpSync(installed, staging, {
    recursive: true,
    filter: (source) => {
      const path = relative(installed, source).split(sep).join("/");
      if (path === "") return true;
      if (lstatSync(source).isSymbolicLink()) {
        links[path] = readlinkSync(source);
        return false;
      }
      return !leftOut(path);
    },
  });
  return links;
}

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

export async function buildSnapshot(cacheRoot: string, files = readProjectFiles()): Promise<Snapshot> {
  const hash = await projectHash(files);
  const cached = join(cacheRoot, hash, "sandbox.snapshot.gz");
  const staging = join(cacheRoot, hash, "staging");
  if (!existsSync(cached)) {
    const installed = await installProject(cacheRoot, files, hash);
    const links = stage(installed, staging);
    const manifest: SnapshotManifest = { hash, links };
    writeFileSync(join(staging, SNAPSHOT_MANIFEST), JSON.stringify(manifest));
    const bytes = await snapshot(staging);
    writeFileSync(cached, gzipSync(bytes, { level: 9 }));
    writeFileSync(`${cached}.size`, String(bytes.length));
  }
  return {
    hash,
    gzipped: readFileSync(cached),
    rawBytes: Number(readFileSync(`${cached}.size`, "utf8")),
    files: existsSync(staging) ? countFiles(staging) : 0,
  };
}
