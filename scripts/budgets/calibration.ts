// Lighthouse's CPU slowdown for this host, from the benchmark index Lighthouse measures (its throttling
// guide: the default 4x is meant for a high-end desktop, benchmark 1500–2000; slower hosts need less).

const REFERENCE_BENCHMARK = 1500;
export const DEFAULT_SLOWDOWN = 4;

/** 4x at a benchmark of 1500 or more, proportionally less below it, never under 1x; one decimal. */
export function calibratedSlowdown(benchmarkIndex: number): number {
  const proportional = (DEFAULT_SLOWDOWN * benchmarkIndex) / REFERENCE_BENCHMARK;
  return Math.min(DEFAULT_SLOWDOWN, Math.max(1, Math.round(proportional * 10) / 10));
}
