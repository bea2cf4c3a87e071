// Rank within a group after polarity: 1 = best, ties share the best rank (1, 2, 2, 4).
import type { Polarity } from '../domain/model.js';

/** How many sorted values are strictly below x (binary search). */
function countBelow(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many sorted values are strictly above x. */
function countAbove(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}

/**
 * The rank of `value` among the group's present values sorted ascending (which include it):
 * 1 + how many are strictly better. null for polarity none or no value.
 */
export function rankIn(sorted: ArrayLike<number>, value: number | null, polarity: Polarity): number | null {
  if (value === null || Number.isNaN(value) || polarity === 'none') return null;
  return 1 + (polarity === 'higher' ? countAbove(sorted, value) : countBelow(sorted, value));
}

/** Ranks of every value in a list (null stays null), for league tables. */
export function ranks(values: readonly (number | null)[], polarity: Polarity): (number | null)[] {
  const sorted = Float64Array.from(values.filter((v): v is number => v !== null && !Number.isNaN(v))).sort();
  return values.map((v) => rankIn(sorted, v, polarity));
}

/** "3 of 16": how a rank is shown. */
export const formatRank = (rank: number, n: number): string => `${rank} of ${n}`;
