// MAD-scaled deviation: how far a value sits from the group median, in median absolute deviations.
import type { GroupStats } from '../domain/performance.js';

/** (value − median) / MAD; null when there is no value, no median, or MAD = 0 (undefined). */
export function madDeviation(value: number | null, group: Pick<GroupStats, 'median' | 'mad'>): number | null {
  if (value === null || Number.isNaN(value) || group.median === null || group.mad === null || group.mad === 0) return null;
  return (value - group.median) / group.mad;
}
