// A tiny element builder: the workspace's DOM is small and static, so no UI framework is shipped.

type Child = Node | string | false | null | undefined;
type Attributes = Record<string, string | number | boolean | undefined>;

/** Creates an element; `true` sets a boolean attribute, `false`/undefined leaves it out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.filter((child): child is Node | string => Boolean(child) || child === ""));
  return element;
}

/** Text with `backticks` rendered as <code>, as hints are written. */
export function inlineCode(text: string): Node[] {
  return text
    .split(/`([^`]+)`/)
    .map((part, i) => (i % 2 === 1 ? h("code", {}, part) : document.createTextNode(part)));
}

let counter = 0;
/** A page-unique id for aria-labelledby and friends. */
export const uniqueId = (prefix: string) => `${prefix}-${++counter}`;
