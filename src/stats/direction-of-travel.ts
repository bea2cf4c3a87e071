// Direction of travel: this period's value against an earlier one, read through polarity.
import type { Polarity } from '../domain/model.js';
import type { Direction } from '../domain/performance.js';

/**
 * "No change" when |current − earlier| ≤ tolerance (default 0: only equal values). With polarity,
 * improving/worsening; without, increasing/decreasing. not-comparable when either value is missing.
 */
export function directionOfTravel(current: number | null, earlier: number | null, polarity: Polarity, tolerance = 0): Direction {
  if (current === null || earlier === null || Number.isNaN(current) || Number.isNaN(earlier)) return 'not-comparable';
  const difference = current - earlier;
  if (Math.abs(difference) <= tolerance) return 'no-change';
  if (polarity === 'none') return difference > 0 ? 'increasing' : 'decreasing';
  return (difference > 0) === (polarity === 'higher') ? 'improving' : 'worsening';
}
