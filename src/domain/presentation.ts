// How an indicator first met in a data file is written, guessed from its name and its values: the
// unit (percentage, rate per 100,000, score, £, count) and the decimal places the data itself uses
// (0.413 keeps three). People can change both on the indicator afterwards.
import type { Unit } from './model.js';

const MAX_DECIMALS = 4;

/** The fewest decimal places that write the value exactly (floating-point noise such as 83.30000000000001 ignored). */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  for (let d = 0; d < MAX_DECIMALS; d++) {
    const scaled = value * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled))) return d;
  }
  return MAX_DECIMALS;
}

/** The decimal places the data uses: the most any of its values needs. */
export function dataPrecision(values: Iterable<number | null>): number {
  let most = 0;
  for (const v of values) if (v !== null) most = Math.max(most, decimalsOf(v));
  return most;
}

const RULES: [RegExp, Unit][] = [
  [/per\s*100,?000|per\s*100k\b/i, 'rate-per-100000'],
  [/per\s*1,?000\b/i, 'rate-per-1000'],
  [/%|\bper\s*cent|\bpercentage\b|\bproportion\b|\bpercent\b/i, 'percent'],
  [/£|\bspend(ing)?\b|\bcost\b|\bexpenditure\b|\bfunding\b|\bincome\b/i, 'gbp'],
  [/\bscore\b|\bindex\b|\brating\b|\bquality of life\b/i, 'score'],
  [/\bdays\b/i, 'days'],
  [/\bnumber of\b|\bcount\b|\btotal\b/i, 'count'],
];

/** The unit a name says, else what the values suggest (whole numbers are counts), else "other". */
export function guessUnit(name: string, values: Iterable<number | null>): Unit {
  for (const [re, unit] of RULES) if (re.test(name)) return unit;
  const present = [...values].filter((v): v is number => v !== null);
  if (present.length && present.every((v) => Number.isInteger(v) && v >= 0) && present.some((v) => v > 1)) return 'count';
  if (present.length && present.every((v) => v >= 0 && v <= 1) && present.some((v) => !Number.isInteger(v))) return 'ratio';
  return 'other';
}
