// Statistics of one comparison group for one indicator and period, over the members with a value.
import type { GroupStats } from '../domain/performance.js';
import { medianSorted, quantileSorted, sortedPresent } from './quantile.js';

/** The median absolute deviation: the median of |x − median|. */
export function madSorted(sorted: ArrayLike<number>, median: number): number {
  const deviations = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) deviations[i] = Math.abs(sorted[i] - median);
  deviations.sort();
  return medianSorted(deviations) as number;
}

/** Sums with compensation (Neumaier) so the mean of many values does not drift. */
function sum(values: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Group statistics from the present values sorted ascending. `members` is the size of the group
 * with or without values, so the display can say "n = 14 of 16".
 */
export function groupStatsSorted(sorted: ArrayLike<number>, members: number): GroupStats {
  const n = sorted.length;
  if (n === 0) return { n: 0, members, min: null, max: null, mean: null, median: null, q1: null, q3: null, mad: null };
  const median = medianSorted(sorted) as number;
  return {
    n,
    members,
    min: sorted[0],
    max: sorted[n - 1],
    mean: sum(sorted) / n,
    median,
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
    mad: madSorted(sorted, median),
  };
}

/** Group statistics from the members' values; null (or NaN) is a missing value, left out of n. */
export function groupStats(values: readonly (number | null)[]): GroupStats {
  return groupStatsSorted(sortedPresent(values), values.length);
}
