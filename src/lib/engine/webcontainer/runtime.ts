// The small part of a WebContainer that the engine uses, as an interface: the real one wraps
// `@webcontainer/api` (api-runtime.ts), the tests use an in-memory fake (fake-runtime.ts). The page
// chooses one and hands it to the engine, so the engine never imports the API itself.

/** A folder to mount: the shape of `@webcontainer/api`'s FileSystemTree that the engine writes. */
export interface FileTree {
  [name: string]: { directory: FileTree } | { file: { contents: string } } | { file: { symlink: string } };
}

export interface SandboxProcess {
  /** Everything the process and its children print, stdout and stderr merged (as a terminal shows). */
  output: ReadableStream<string>;
  /** Resolves with the exit code. */
  exit: Promise<number>;
  /** Typing into the process's terminal. */
  input: WritableStream<string>;
  kill(): void;
  resize(size: TerminalSize): void;
}

export interface TerminalSize {
  cols: number;
  rows: number;
}

export interface SpawnOptions {
  /** Relative to the sandbox's working directory. */
  cwd?: string;
  env?: Record<string, string>;
  terminal?: TerminalSize;
}

/** A booted sandbox. Paths are relative to its working directory (the sandbox project's root). */
export interface Sandbox {
  /** The working directory's absolute path, as it appears in stack traces. */
  readonly workdir: string;
  /** Mounts a binary snapshot (from `@webcontainer/snapshot`) or a tree at the root. */
  mount(contents: Uint8Array | FileTree): Promise<void>;
  writeFile(path: string, contents: string): Promise<void>;
  readFile(path: string): Promise<string>;
  /** Creates the folder and its parents. */
  mkdir(path: string): Promise<void>;
  /** Removes a file or folder; no error when it is not there. */
  rm(path: string): Promise<void>;
  spawn(command: string, args: string[], options?: SpawnOptions): Promise<SandboxProcess>;
}

/** What the page saw while the runtime was booting, to name the likely cause of a failed boot. */
export interface BootEvidence {
  /** `navigator.onLine` at the time of the failure. */
  online: boolean;
  /** StackBlitz's runtime frame posted at least one message to the page. */
  frameAnswered: boolean;
  /** The page's Content-Security-Policy blocked a StackBlitz frame or request. */
  blockedByPolicy: boolean;
}

export interface SandboxRuntime {
  /** Boots the one sandbox of the page. May never settle (the real boot has no timeout). */
  boot(): Promise<Sandbox>;
  evidence(): BootEvidence;
}
