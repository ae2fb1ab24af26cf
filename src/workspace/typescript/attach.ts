// Loaded on demand by index.ts once the editor is up: starts the language-service worker and plugs
// its features into every file of the editor.
import type { CodeEditor } from "../editor";
import { TypeScriptClient } from "./client";
import { languageTools, type LanguageToolsOptions } from "./codemirror";

export function attachLanguageService(
  editor: CodeEditor,
  learnerFiles: string[],
  options: Pick<LanguageToolsOptions, "reveal" | "announce">,
): TypeScriptClient {
  const client = new TypeScriptClient({
    files: () => Object.fromEntries(editor.paths().map((path) => [path, editor.text(path)])),
    warm: learnerFiles,
  });
  editor.setLanguageTools(
    languageTools({ ...options, request: (method, params) => client.request(method, params) }),
  );
  // Start now rather than on the first question, so the first diagnostics come as early as they can.
  void client.start().catch(() => undefined);
  return client;
}
