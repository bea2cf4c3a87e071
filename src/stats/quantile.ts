// Order statistics over values already sorted ascending: R type 7 quantiles (Excel QUARTILE.INC)
// and the median, as the methodology defines them.

/** The p-quantile (0 ≤ p ≤ 1) by linear interpolation between order statistics; null for no values. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo];
  return a + (h - lo) * (sorted[hi] - a);
}

/** The median: the middle value, or the mean of the two middle values. */
export function medianSorted(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The values that are present (not null, not NaN), sorted ascending, as a Float64Array. */
export function sortedPresent(values: Iterable<number | null | undefined>): Float64Array {
  const kept: number[] = [];
  for (const v of values) if (v !== null && v !== undefined && !Number.isNaN(v)) kept.push(v);
  return Float64Array.from(kept).sort();
}
