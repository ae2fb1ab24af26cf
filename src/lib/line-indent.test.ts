import { codeToHtml } from "shiki";
import { describe, expect, it } from "vitest";
import { lineIndent } from "./line-indent";

describe("line indentation for soft-wrapped listings", () => {
  it("marks each indented line with its indentation, tabs as two, and leaves the others alone", async () => {
    const code = "function f() {\n    return 1;\n\tg();\n}\n\n";
    const html = await codeToHtml(code, { lang: "ts", theme: "github-light", transformers: [lineIndent] });
    const lines = [...html.matchAll(/<span class="line"(?: style="([^"]*)")?>/g)].map((match) => match[1]);
    expect(lines.slice(0, 4)).toEqual([undefined, "--indent:4ch", "--indent:2ch", undefined]);
  });
});
