// Which social card image a page shows: each lesson has its own (generated at build time by
// src/pages/og/[...image].ts); every other page shows the course's.

/** The OG image's key for a page path: "lessons/<slug>" for a lesson, "index" for the rest. */
export function ogImageKey(pathname: string): string {
  const lesson = /^\/lessons\/([^/]+)\/$/.exec(pathname);
  return lesson ? `lessons/${lesson[1]}` : "index";
}

export const ogImagePath = (pathname: string) => `/og/${ogImageKey(pathname)}.png`;

/** The generated images' size (Open Graph's recommended 1.91:1). */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;
