// The social card images: one per lesson and one for the course, drawn at build time (astro-og-canvas),
// served as /og/<key>.png (see src/site/social.ts).
import { OGImageRoute } from "astro-og-canvas";
import { COURSE_NAME, getCourse } from "../../lib/course";

const course = await getCourse();
const font = (weight: number) => `./node_modules/@fontsource/inter/files/inter-latin-${weight}-normal.woff2`;

const cards: Record<string, { title: string; description: string }> = {
  index: {
    title: COURSE_NAME,
    description: "Build a 100-line LLM framework in TypeScript, one tested step at a time, then use it.",
  },
};
for (const lesson of course.lessons) {
  cards[`lessons/${lesson.slug}`] = {
    title: lesson.title,
    description: `${COURSE_NAME} · Part ${lesson.part}, lesson ${lesson.order}`,
  };
}

export const { getStaticPaths, GET } = await OGImageRoute({
  pages: cards,
  getSlug: (key) => `${key}.png`,
  getImageOptions: (_key, card: { title: string; description: string }) => ({
    title: card.title,
    description: card.description,
    logo: { path: "./public/icon-192.png", size: [96] },
    bgGradient: [
      [13, 17, 23],
      [22, 34, 56],
    ],
    border: { color: [108, 182, 255], width: 16, side: "inline-start" },
    padding: 72,
    fonts: [font(400), font(700)],
    font: {
      title: { families: ["Inter"], weight: "Bold", size: 72, lineHeight: 1.15, color: [230, 237, 243] },
      description: { families: ["Inter"], size: 36, color: [157, 167, 179] },
    },
  }),
});
