// Quartile band (LG Inform "quantiles"): the same number of values in each band, 1 = best 25 %.
import type { Polarity } from '../domain/model.js';
import type { QuartileBand } from '../domain/performance.js';

/** Fewer values than this cannot be split into four bands of equal size, so no band is given. */
export const MIN_VALUES_FOR_BANDS = 4;

/** ⌈4 × rank / n⌉; null for polarity none, no rank, or n < 4. */
export function quartileBand(rank: number | null, n: number, polarity: Polarity): QuartileBand | null {
  if (rank === null || polarity === 'none' || n < MIN_VALUES_FOR_BANDS || rank < 1 || rank > n) return null;
  return Math.ceil((4 * rank) / n) as QuartileBand;
}
