// How the editor shows a type: TypeScript's display parts as code, coloured like the editor's
// tokens, with the name's documentation below. Used by hover, the cursor tooltip and completion.
import type { DisplayPart } from "../../lib/typescript/service";
import { h } from "../dom";

const PART_CLASS: Record<string, string> = {
  keyword: "tok-keyword",
  className: "tok-type",
  interfaceName: "tok-type",
  aliasName: "tok-type",
  enumName: "tok-type",
  typeParameterName: "tok-type",
  methodName: "tok-function",
  functionName: "tok-function",
  propertyName: "tok-property",
  parameterName: "tok-property",
  stringLiteral: "tok-string",
  numericLiteral: "tok-constant",
};

/** A type as TypeScript prints it (`(method) Node<S>.exec(...)`), coloured like the editor's code. */
function typeLine(parts: DisplayPart[]): HTMLElement {
  return h(
    "code",
    { class: "cm-ts-type" },
    ...parts.map(({ text, kind }) => {
      const token = PART_CLASS[kind];
      return token ? h("span", { class: token }, text) : text;
    }),
  );
}

export function infoBox(parts: DisplayPart[], documentation: string): HTMLElement {
  return h(
    "div",
    { class: "cm-ts-info" },
    typeLine(parts),
    documentation && h("p", { class: "cm-ts-docs" }, documentation),
  );
}

export const plainText = (parts: DisplayPart[]) => parts.map((part) => part.text).join("");
