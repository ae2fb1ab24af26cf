// Structured output: find the YAML in a model's answer, parse it, and check it has the fields we need.
// Every failure is a MalformedOutput, which a node's retries and execFallback know how to handle.
import { parse } from "yaml";
import { MalformedOutput } from "./errors";

/** The text of the first ```yaml fence (or any fence), else the whole answer if it is a YAML mapping. */
export function extractYaml(answer: string): string {
  const fences = [...answer.matchAll(/```[ \t]*([\w-]*)[^\n]*\n([\s\S]*?)```/g)];
  const yamlFence = fences.find((fence) => /^ya?ml$/i.test(fence[1] ?? "")) ?? fences[0];
  if (yamlFence) return (yamlFence[2] ?? "").trim();
  // Small local models sometimes drop the fence; accept a bare mapping, reject prose.
  if (/^\s*[\w-]+:/.test(answer)) return answer.trim();
  throw new MalformedOutput("the answer has no ```yaml block");
}

/** Parses YAML and insists on a mapping (an object), since every example asks for one. */
export function parseYamlObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new MalformedOutput(`the YAML does not parse: ${reason}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new MalformedOutput("the YAML is not a mapping of fields");
  }
  return value as Record<string, unknown>;
}

/** The field types a model's answer can be checked for. */
export type FieldType = "string" | "number" | "boolean" | "list";
export type Shape = Record<string, FieldType>;
type TypeOf<F extends FieldType> = F extends "string"
  ? string
  : F extends "number"
    ? number
    : F extends "boolean"
      ? boolean
      : unknown[];
export type Validated<S extends Shape> = { [K in keyof S]: TypeOf<S[K]> } & Record<string, unknown>;

const matches = (value: unknown, type: FieldType) =>
  type === "list" ? Array.isArray(value) : typeof value === type && (type !== "string" || value !== "");

/** Checks that every field of `shape` is present with its type; extra fields are kept. */
export function validate<S extends Shape>(value: Record<string, unknown>, shape: S): Validated<S> {
  for (const [field, type] of Object.entries(shape)) {
    if (!(field in value) || value[field] === null) throw new MalformedOutput(`missing field '${field}'`);
    if (!matches(value[field], type)) {
      throw new MalformedOutput(`field '${field}' should be a ${type}, got ${JSON.stringify(value[field])}`);
    }
  }
  return value as Validated<S>;
}

/** The whole pipeline: answer → fenced YAML → object → checked fields. */
export function readYaml<S extends Shape>(answer: string, shape: S): Validated<S> {
  return validate(parseYamlObject(extractYaml(answer)), shape);
}
