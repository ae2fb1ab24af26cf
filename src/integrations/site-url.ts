// The site's public origin, for canonical URLs, social cards, the sitemap and robots.txt. Deployments
// set SITE_URL; on Netlify and Vercel their own variables name the production address. Without any,
// the local preview's address.
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const vercel = env.VERCEL_PROJECT_PRODUCTION_URL;
  const url = env.SITE_URL || env.URL || (vercel ? `https://${vercel}` : "") || "http://localhost:4321";
  return new URL(url).origin;
}
