// The variant catalog, by exercise slug: what `npm run test:exercises` runs beside each suite.
import type { Variant } from "./variant";

export const catalog: Record<string, Variant[]> = {};
