// Completion from the language service: members after a `.`, names (and the core's exports in an
// import) as the learner types, each with its type and documentation on demand.
import type { Completion, CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import type { CompletionItem } from "../../lib/typescript/service";
import { editorFile } from "../editor";
import { infoBox } from "./info-box";
import type { LanguageToolsOptions } from "./codemirror";

const KIND_TYPE: Record<string, string> = {
  method: "method",
  function: "function",
  "local function": "function",
  constructor: "class",
  property: "property",
  getter: "property",
  setter: "property",
  class: "class",
  interface: "interface",
  type: "type",
  "type parameter": "type",
  alias: "type",
  enum: "enum",
  "enum member": "enum",
  var: "variable",
  let: "variable",
  const: "constant",
  "local var": "variable",
  parameter: "variable",
  keyword: "keyword",
  module: "namespace",
};

function completion(item: CompletionItem, info: Completion["info"]): Completion {
  const order = Number.parseInt(item.sortText, 10);
  return {
    label: item.name,
    type: KIND_TYPE[item.kind] ?? "text",
    boost: Number.isNaN(order) ? 0 : -Math.min(order, 99),
    ...(item.insertText ? { apply: item.insertText } : {}),
    info,
  };
}

export function completionSource(options: LanguageToolsOptions) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const word = context.matchBefore(/[\w$]*/);
    const from = word?.from ?? context.pos;
    const member = context.state.sliceDoc(from - 1, from) === ".";
    if (!context.explicit && !member && from === context.pos) return null;
    const path = context.state.facet(editorFile);
    const found = await options
      .request("completions", { path, pos: context.pos, ...(member ? { trigger: "." as const } : {}) })
      .catch(() => null);
    if (!found || context.aborted || found.items.length === 0) return null;
    const detail = (name: string) => async () => {
      const entry = await options
        .request("completionDetail", { path, pos: context.pos, name })
        .catch(() => null);
      return entry ? infoBox(entry.parts, entry.documentation) : null;
    };
    return {
      from,
      options: found.items.map((item) => completion(item, detail(item.name))),
      validFor: /^[\w$]*$/,
    };
  };
}
