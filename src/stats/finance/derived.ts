// Derived indicators: a formula of other indicators computed for every council and period the first
// periodic input has. Period alignment: an input measured "as at" a date (a population estimate) is
// taken at the date that falls within the financial year (mid-2020 → 2020/21); a periodic input at
// the same period. A missing input or a zero divisor makes the value missing, with the reason.
import { formatPeriod, periodOf } from '../../domain/index.js';
import { describe, evaluateFormula, type Evaluation, type Formula } from './formula.js';

export interface SeriesPoint {
  value: number | null;
  note: string | null;
}

export interface InputSeries {
  code: string;
  /** Measured as at a date (snapshot) rather than over a period. */
  snapshot: boolean;
  /** area → period key → value. */
  byArea: Map<string, Map<string, SeriesPoint>>;
}

export interface DerivedValue {
  areaCode: string;
  periodKey: string;
  value: number | null;
  note: string;
}

export const ALIGNMENT_RULE = 'an input measured at a date (such as a mid-year population estimate) is taken at the date that falls within the financial year: mid-2020 goes with 2020/21';

/** Of some "as at" period keys, the latest dated within the period (mid-2020 for 2020/21). */
export function dateWithin(keys: Iterable<string>, periodKey: string): string | undefined {
  const p = periodOf(periodKey);
  let best: string | undefined;
  for (const key of keys) {
    const d = periodOf(key);
    if (d.kind === 'date' && d.start >= p.start && d.start <= p.end && (!best || key > best)) best = key;
  }
  return best;
}

/** The period key of `series` to use for `periodKey`: itself, or the latest date within it. */
function alignedKey(series: InputSeries, points: Map<string, SeriesPoint>, periodKey: string, baseSnapshot: boolean): string | undefined {
  if (!series.snapshot || baseSnapshot) return points.has(periodKey) ? periodKey : undefined;
  return dateWithin(points.keys(), periodKey);
}

export function computeDerived(formula: Formula, refs: string[], inputs: Map<string, InputSeries>): DerivedValue[] {
  const written = describe(formula);
  const missingInput = refs.find((r) => !inputs.has(r));
  const base = inputs.get(refs.find((r) => inputs.get(r)?.snapshot === false) ?? refs[0]);
  if (!base || missingInput) return [];
  const out: DerivedValue[] = [];
  for (const [area, periods] of base.byArea) {
    for (const periodKey of periods.keys()) {
      const label = formatPeriod(periodOf(periodKey));
      const lookup = (code: string): Evaluation => {
        const series = inputs.get(code) as InputSeries;
        const points = series.byArea.get(area);
        const key = points && alignedKey(series, points, periodKey, base.snapshot);
        if (!points || key === undefined) return { missing: `no ${code} value for ${area} ${series.snapshot && !base.snapshot ? `dated within ${label}` : `for ${label}`}` };
        const point = points.get(key) as SeriesPoint;
        if (point.value === null) return { missing: `${code} for ${area} at ${formatPeriod(periodOf(key))} is missing${point.note ? ` (${point.note.replace(/\. Source:.*$/, '').replace(/^Missing: /, '')})` : ''}` };
        return { value: point.value };
      };
      const r = evaluateFormula(formula, lookup);
      const provenance = `Derived: ${written}`;
      out.push('value' in r
        ? { areaCode: area, periodKey, value: r.value, note: provenance }
        : { areaCode: area, periodKey, value: null, note: `Missing: ${r.missing}. ${provenance}` });
    }
  }
  return out;
}
