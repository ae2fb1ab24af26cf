// The variant catalog, by exercise slug: what `npm run test:exercises` runs beside each suite.
import { coreStages } from "./core-stages";
import { part1 } from "./part1";
import { part2 } from "./part2";
import { part3 } from "./part3";
import type { Variant } from "./variant";

export const catalog: Record<string, Variant[]> = { ...part1, ...coreStages, ...part2, ...part3 };
