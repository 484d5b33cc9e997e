/**
 * Nearest-rank percentile of sorted timings, shared by the benchmarks that print p50/p99 (not a benchmark itself:
 * the runner only picks up `*.bench.ts`).
 */

/** The value at percentile `p` (0-100) of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
