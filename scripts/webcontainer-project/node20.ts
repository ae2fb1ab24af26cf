// The Node the check runs vitest on: the WebContainer's major version (20). POCKETFLOW_NODE20 names
// one; else a `node` 20 on the PATH (the system Node of this machine); else Node 20 from the npm
// registry, installed once into the user's cache, as .ci/run brings Node 24.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";

export const WEBCONTAINER_NODE_MAJOR = 20;

function versionOf(binary: string): string | undefined {
  try {
    return execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}

const isMajor = (version: string | undefined) => version?.startsWith(`v${WEBCONTAINER_NODE_MAJOR}.`) ?? false;

export function findNode20(): { binary: string; version: string } {
  const candidates = [
    process.env.POCKETFLOW_NODE20,
    ...(process.env.PATH ?? "").split(delimiter).map((dir) => join(dir, "node")),
  ].filter((path): path is string => Boolean(path) && existsSync(path as string));
  for (const binary of candidates) {
    const version = versionOf(binary);
    if (version && isMajor(version)) return { binary, version };
  }
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "build-pocketflow", "node20");
  const binary = join(cache, "node_modules", ".bin", "node");
  if (!isMajor(versionOf(binary))) {
    console.log(
      `No Node ${WEBCONTAINER_NODE_MAJOR} found; installing node@${WEBCONTAINER_NODE_MAJOR} into ${cache}`,
    );
    execFileSync(
      "npm",
      [
        "install",
        "--prefix",
        cache,
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        `node@${WEBCONTAINER_NODE_MAJOR}`,
      ],
      {
        stdio: "inherit",
      },
    );
  }
  const version = versionOf(binary);
  if (!isMajor(version))
    throw new Error(`Node ${WEBCONTAINER_NODE_MAJOR} from npm did not install into ${cache}`);
  return { binary, version: version ?? "" };
}
