// Trend over time: the Mann–Kendall test at 95 % confidence, read through polarity.
import type { Polarity } from '../domain/model.js';
import type { Trend } from '../domain/performance.js';

export const MIN_TREND_POINTS = 5;
/** Two-sided 95 % critical value of the standard normal distribution. */
const Z_95 = 1.959963984540054;

export interface MannKendall {
  /** S: concordant minus discordant pairs. */
  s: number;
  /** Var(S), corrected for ties. */
  variance: number;
  /** Normal score with continuity correction. */
  z: number;
  significant: boolean;
}

/** The Mann–Kendall statistic of values in time order (missing values left out beforehand). */
export function mannKendall(values: readonly number[]): MannKendall {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign(values[j] - values[i]);
  }
  const tieCounts = new Map<number, number>();
  for (const v of values) tieCounts.set(v, (tieCounts.get(v) ?? 0) + 1);
  let ties = 0;
  for (const t of tieCounts.values()) ties += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  const z = variance === 0 || s === 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(variance);
  return { s, variance, z, significant: Math.abs(z) > Z_95 };
}

/** The trend of a series in time order; null values are missing and left out. */
export function trend(series: readonly (number | null)[], polarity: Polarity): { trend: Trend; points: number } {
  const values = series.filter((v): v is number => v !== null && !Number.isNaN(v));
  if (values.length < MIN_TREND_POINTS) return { trend: 'too-few-points', points: values.length };
  const mk = mannKendall(values);
  if (!mk.significant) return { trend: 'no-significant-change', points: values.length };
  const rising = mk.s > 0;
  if (polarity === 'none') return { trend: rising ? 'increasing' : 'decreasing', points: values.length };
  return { trend: rising === (polarity === 'higher') ? 'getting-better' : 'getting-worse', points: values.length };
}
