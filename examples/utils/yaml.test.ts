import { describe, expect, it } from "vitest";
import { MalformedOutput } from "./errors";
import { extractYaml, readYaml } from "./yaml";

describe("structured output helpers", () => {
  it("takes the ```yaml block out of a chatty answer", () => {
    const answer = "Sure! Here it is:\n```yaml\nname: Jane Doe\nemail: jane@example.com\n```\nAnything else?";
    expect(readYaml(answer, { name: "string", email: "string" })).toMatchObject({ name: "Jane Doe" });
  });

  it("accepts a bare mapping but rejects prose without YAML", () => {
    expect(extractYaml("name: Jane")).toBe("name: Jane");
    expect(() => extractYaml("The name is Jane Doe.")).toThrow(MalformedOutput);
  });

  it("names the missing or mistyped field", () => {
    expect(() => readYaml("```yaml\nname: Jane\n```", { name: "string", email: "string" })).toThrow(
      "missing field 'email'",
    );
    expect(() => readYaml("```yaml\nitems: 3\n```", { items: "list" })).toThrow(
      "field 'items' should be a list",
    );
  });

  it("reports YAML that does not parse as malformed output", () => {
    expect(() => readYaml("```yaml\nname: [unclosed\n```", { name: "string" })).toThrow(MalformedOutput);
  });
});
