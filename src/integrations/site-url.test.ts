import { describe, expect, it } from "vitest";
import { siteUrl } from "./site-url";

describe("siteUrl", () => {
  it("takes SITE_URL first, then the host's own production address, else the local preview", () => {
    expect(siteUrl({ SITE_URL: "https://learn.example/", URL: "https://netlify.example" })).toBe(
      "https://learn.example",
    );
    expect(siteUrl({ URL: "https://pocketflow.netlify.example" })).toBe("https://pocketflow.netlify.example");
    expect(siteUrl({ VERCEL_PROJECT_PRODUCTION_URL: "pocketflow.vercel.example" })).toBe(
      "https://pocketflow.vercel.example",
    );
    expect(siteUrl({})).toBe("http://localhost:4321");
  });

  it("rejects an address that is not a URL", () => {
    expect(() => siteUrl({ SITE_URL: "course.example" })).toThrow();
  });
});
