// The real runtime: `@webcontainer/api` 1.6.4, loaded only when the page boots it. While it boots,
// this records what the page can see of StackBlitz's runtime frame (whether it answered, whether
// the page's CSP blocked it), so a failed boot can name its likely cause.
import type { WebContainer } from "@webcontainer/api";
import type { BootEvidence, Sandbox, SandboxRuntime } from "./runtime";

/** The origin of the runtime frame that `boot()` adds to the page (the API's default). */
const RUNTIME_ORIGIN = "https://stackblitz.com";

export interface ApiRuntimeOptions {
  /** Must match the page's Cross-Origin-Embedder-Policy; fixed at the first boot. */
  coep: "require-corp" | "credentialless";
}

function sandboxOf(container: WebContainer): Sandbox {
  return {
    workdir: container.workdir,
    mount: (contents) => container.mount(contents),
    writeFile: (path, contents) => container.fs.writeFile(path, contents),
    readFile: (path) => container.fs.readFile(path, "utf-8"),
    mkdir: async (path) => {
      await container.fs.mkdir(path, { recursive: true });
    },
    rm: (path) => container.fs.rm(path, { force: true, recursive: true }),
    spawn: (command, args, options = {}) =>
      container.spawn(command, args, {
        ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
        ...(options.env === undefined ? {} : { env: options.env }),
        ...(options.terminal === undefined ? {} : { terminal: options.terminal }),
      }),
  };
}

export function createApiRuntime(options: ApiRuntimeOptions): SandboxRuntime {
  const seen = { frameAnswered: false, blockedByPolicy: false };
  const onMessage = (event: MessageEvent) => {
    if (event.origin === RUNTIME_ORIGIN) seen.frameAnswered = true;
  };
  const onViolation = (event: SecurityPolicyViolationEvent) => {
    if (event.blockedURI.startsWith(RUNTIME_ORIGIN) || event.blockedURI.includes("webcontainer"))
      seen.blockedByPolicy = true;
  };
  return {
    async boot() {
      window.addEventListener("message", onMessage);
      document.addEventListener("securitypolicyviolation", onViolation);
      const { WebContainer } = await import("@webcontainer/api");
      try {
        return sandboxOf(await WebContainer.boot({ coep: options.coep, workdirName: "pocketflow" }));
      } finally {
        window.removeEventListener("message", onMessage);
        document.removeEventListener("securitypolicyviolation", onViolation);
      }
    },
    evidence: (): BootEvidence => ({ online: navigator.onLine, ...seen }),
  };
}
