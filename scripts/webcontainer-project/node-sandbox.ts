// A Sandbox on this machine: a folder and child processes, with `node` meaning a given Node 20. The
// project check hands it to the WebContainer engine in place of a WebContainer, so the engine's own
// code mounts the site's snapshot, runs vitest and reads its reports, on the WebContainer's Node.
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type {
  FileTree,
  Sandbox,
  SandboxProcess,
  SandboxRuntime,
} from "../../src/lib/engine/webcontainer/runtime";
import { snapshotFiles } from "../../src/lib/engine/webcontainer/snapshot-format";

function writeTree(root: string, tree: FileTree): void {
  for (const [name, node] of Object.entries(tree)) {
    const path = join(root, name);
    if ("directory" in node) {
      mkdirSync(path, { recursive: true });
      writeTree(path, node.directory);
    } else if ("symlink" in node.file) {
      mkdirSync(dirname(path), { recursive: true });
      rmSync(path, { force: true });
      symlinkSync(node.file.symlink, path);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, node.file.contents);
    }
  }
}

export interface NodeSandboxOptions {
  /** The folder that plays the sandbox's working directory (emptied first). */
  root: string;
  /** The Node binary that `node` runs: the WebContainer's major version. */
  node: string;
}

export function nodeSandboxRuntime({ root, node }: NodeSandboxOptions): SandboxRuntime {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const at = (path: string) => join(root, path);
  const sandbox: Sandbox = {
    workdir: root,
    async mount(contents) {
      if (!(contents instanceof Uint8Array)) return writeTree(root, contents);
      for (const file of snapshotFiles(contents)) {
        mkdirSync(dirname(at(file.path)), { recursive: true });
        writeFileSync(at(file.path), file.bytes);
      }
    },
    async writeFile(path, contents) {
      writeFileSync(at(path), contents);
    },
    async readFile(path) {
      return readFileSync(at(path), "utf8");
    },
    async mkdir(path) {
      mkdirSync(at(path), { recursive: true });
    },
    async rm(path) {
      rmSync(at(path), { recursive: true, force: true });
    },
    async spawn(command, args, options = {}) {
      if (command === "chmod") {
        for (const path of args.filter((arg) => !arg.startsWith("+"))) chmodSync(at(path), 0o755);
        return finished(0);
      }
      const child = spawn(command === "node" ? node : command, args, {
        cwd: options.cwd ? at(options.cwd) : root,
        env: { ...process.env, ...options.env },
        stdio: ["pipe", "pipe", "pipe"],
        // Its own process group, so a kill stops vitest and its workers together.
        detached: true,
      });
      const exit = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)));
      const merged = new ReadableStream<string>({
        start(controller) {
          let open = 2;
          for (const stream of [child.stdout, child.stderr]) {
            stream.setEncoding("utf8");
            stream.on("data", (chunk: string) => controller.enqueue(chunk));
            stream.on("end", () => --open === 0 && controller.close());
          }
        },
      });
      return {
        output: merged,
        exit,
        input: new WritableStream<string>({ write: (chunk) => void child.stdin.write(chunk) }),
        kill() {
          try {
            if (child.pid) process.kill(-child.pid, "SIGKILL");
          } catch {
            child.kill("SIGKILL");
          }
        },
        resize() {},
      } satisfies SandboxProcess;
    },
  };
  return {
    boot: async () => sandbox,
    evidence: () => ({ online: true, frameAnswered: true, blockedByPolicy: false }),
  };
}

function finished(code: number): SandboxProcess {
  return {
    output: new ReadableStream<string>({ start: (controller) => controller.close() }),
    exit: Promise.resolve(code),
    input: new WritableStream<string>(),
    kill() {},
    resize() {},
  };
}
