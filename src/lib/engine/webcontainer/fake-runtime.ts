// An in-memory stand-in for the WebContainer runtime, for tests: a file system and a process factory
// whose processes print scripted output, change files and exit with scripted codes. A boot can
// succeed, fail, or never settle, as the real one does without a network.
import { decodeSnapshot } from "./snapshot-format";
import type {
  BootEvidence,
  FileTree,
  Sandbox,
  SandboxProcess,
  SandboxRuntime,
  SpawnOptions,
  TerminalSize,
} from "./runtime";

export interface SpawnCall {
  command: string;
  args: string[];
  options: SpawnOptions;
}

/** What a scripted process does: print, touch files, then exit (or never, until killed). */
export interface ProcessScript {
  output?: string[];
  /** Printed later, each at its time after the start (for watchdog tests). */
  later?: { afterMs: number; text: string }[];
  /** Runs after the output is printed, before the exit. */
  effect?(files: FakeFiles): void;
  /** undefined: the process never exits by itself. */
  exitCode?: number;
}

export type ProcessFactory = (call: SpawnCall, files: FakeFiles) => ProcessScript;

export class FakeFiles {
  readonly files = new Map<string, string>();
  readonly links = new Map<string, string>();
  readonly folders = new Set<string>();
  /** Every write, in order, for assertions about what changed. */
  readonly writes: string[] = [];
  readonly removals: string[] = [];

  write(path: string, contents: string): void {
    this.files.set(path, contents);
    this.writes.push(path);
  }

  read(path: string): string {
    const contents = this.files.get(path);
    if (contents === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return contents;
  }

  remove(path: string): void {
    this.removals.push(path);
    for (const key of [...this.files.keys()]) {
      if (key === path || key.startsWith(`${path}/`)) this.files.delete(key);
    }
  }

  mountTree(tree: FileTree, base = ""): void {
    for (const [name, node] of Object.entries(tree)) {
      const path = base ? `${base}/${name}` : name;
      if ("directory" in node) {
        this.folders.add(path);
        this.mountTree(node.directory, path);
      } else if ("symlink" in node.file) this.links.set(path, node.file.symlink);
      else this.write(path, node.file.contents);
    }
  }
}

export interface FakeRuntimeOptions {
  /** "hang": boot never settles; an Error: boot rejects with it. */
  boot?: "ok" | "hang" | Error;
  evidence?: Partial<BootEvidence>;
  processes?: ProcessFactory;
  workdir?: string;
}

export interface FakeRuntime extends SandboxRuntime {
  readonly files: FakeFiles;
  readonly spawns: SpawnCall[];
  readonly killed: SpawnCall[];
  /** How many times boot() was called. */
  readonly boots: number;
}

function scriptedProcess(script: ProcessScript, files: FakeFiles, onKill: () => void): SandboxProcess {
  let finish: (code: number) => void = () => undefined;
  const exit = new Promise<number>((resolve) => (finish = resolve));
  let controller: ReadableStreamDefaultController<string> | undefined;
  let done = false;
  const end = (code: number) => {
    if (done) return;
    done = true;
    controller?.close();
    finish(code);
  };
  const output = new ReadableStream<string>({
    start(streamController) {
      controller = streamController;
      // Printed on a later task, as a real process's output arrives.
      for (const { afterMs, text } of script.later ?? []) {
        setTimeout(() => done || streamController.enqueue(text), afterMs);
      }
      setTimeout(() => {
        if (done) return;
        for (const chunk of script.output ?? []) streamController.enqueue(chunk);
        script.effect?.(files);
        if (script.exitCode !== undefined) end(script.exitCode);
      }, 0);
    },
  });
  return {
    output,
    exit,
    input: new WritableStream<string>(),
    kill() {
      onKill();
      end(143);
    },
    resize(_size: TerminalSize) {},
  };
}

export function createFakeRuntime(options: FakeRuntimeOptions = {}): FakeRuntime {
  const files = new FakeFiles();
  const spawns: SpawnCall[] = [];
  const killed: SpawnCall[] = [];
  const workdir = options.workdir ?? "/home/pocketflow";
  let boots = 0;

  const sandbox: Sandbox = {
    workdir,
    async mount(contents) {
      files.mountTree(contents instanceof Uint8Array ? decodeSnapshot(contents) : contents);
    },
    async writeFile(path, contents) {
      files.write(path, contents);
    },
    async readFile(path) {
      return files.read(path);
    },
    async mkdir(path) {
      files.folders.add(path);
    },
    async rm(path) {
      files.remove(path);
    },
    async spawn(command, args, spawnOptions = {}) {
      const call = { command, args, options: spawnOptions };
      spawns.push(call);
      const script = options.processes?.(call, files) ?? { exitCode: 0 };
      return scriptedProcess(script, files, () => killed.push(call));
    },
  };

  return {
    files,
    spawns,
    killed,
    get boots() {
      return boots;
    },
    boot() {
      boots += 1;
      const mode = options.boot ?? "ok";
      if (mode === "hang") return new Promise<Sandbox>(() => undefined);
      if (mode instanceof Error) return Promise.reject(mode);
      return Promise.resolve(sandbox);
    },
    evidence: () => ({ online: true, frameAnswered: false, blockedByPolicy: false, ...options.evidence }),
  };
}
