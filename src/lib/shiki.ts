/** One light/dark theme pair for Markdown code fences (astro.config.mjs) and `<CodeRegion>`. */
export const shikiThemes = { light: "github-light", dark: "github-dark" } as const;
