// Fair-funding what-if: a total shared among councils in proportion to weighted cost drivers
//   allocation = total × Σ over drivers (weight ÷ Σ weights × council's driver ÷ Σ of that driver)
// set against each council's actual spending power. Councils missing any figure are left out (and
// their actual out of the total), so the shares compare like with like.

export interface DriverWeight {
  indicator: string;
  weight: number;
}

export interface WhatIfCouncil {
  code: string;
  name: string;
  /** Actual spending power, £ million. */
  actual: number | null;
  population: number | null;
  /** Each driver indicator's value for the council (null when missing). */
  drivers: Record<string, number | null>;
}

export interface WhatIfRow {
  code: string;
  name: string;
  actual: number;
  allocation: number;
  /** Allocation − actual, £ million (positive = the model gives more). */
  gainMillions: number;
  /** Gain in pounds per resident. */
  gainPerHead: number;
}

export interface WhatIfResult {
  weights: DriverWeight[];
  /** What was done to the weights, in words (normalised to 100%). */
  notes: string[];
  totalMillions: number;
  rows: WhatIfRow[];
  excluded: { code: string; name: string; reason: string }[];
  formula: string;
}

export const WHATIF_FORMULA = 'allocation = total × Σ (weight × council\'s share of the driver); gain = allocation − actual spending power';

export class WeightsError extends Error {}

/** Checks weights and scales them to sum to 100; refuses negative, non-numeric or all-zero ones. */
export function normaliseWeights(weights: DriverWeight[]): { weights: DriverWeight[]; notes: string[] } {
  if (weights.length === 0) throw new WeightsError('a model needs at least one cost driver with a weight');
  for (const w of weights) {
    if (!Number.isFinite(w.weight) || w.weight < 0) throw new WeightsError(`the weight of ${w.indicator} must be a number of 0 or more, not ${w.weight}`);
  }
  const seen = new Set<string>();
  for (const w of weights) {
    if (seen.has(w.indicator)) throw new WeightsError(`${w.indicator} is given a weight twice`);
    seen.add(w.indicator);
  }
  const sum = weights.reduce((n, w) => n + w.weight, 0);
  if (sum === 0) throw new WeightsError('the weights are all zero');
  if (Math.abs(sum - 100) < 1e-9) return { weights, notes: [] };
  const scaled = weights.map((w) => ({ indicator: w.indicator, weight: (w.weight * 100) / sum }));
  const pct = (n: number) => `${Math.round(n * 10) / 10}%`;
  return { weights: scaled, notes: [`The weights summed to ${pct(sum)}, so each was scaled to make 100%: ${scaled.map((w) => `${w.indicator} ${pct(w.weight)}`).join(', ')}.`] };
}

/** Runs a model over councils; `total` defaults to the included councils' actual spending power. */
export function runWhatIf(councils: WhatIfCouncil[], weights: DriverWeight[], total?: number): WhatIfResult {
  const norm = normaliseWeights(weights);
  const excluded: WhatIfResult['excluded'] = [];
  const included: WhatIfCouncil[] = [];
  for (const c of councils) {
    const missing = c.actual === null ? 'no spending power' : c.population === null || c.population <= 0 ? 'no population'
      : norm.weights.map((w) => w.indicator).find((d) => c.drivers[d] === null || c.drivers[d] === undefined);
    if (missing) excluded.push({ code: c.code, name: c.name, reason: missing.startsWith('no ') ? missing : `no ${missing} figure` });
    else included.push(c);
  }
  const totalMillions = total ?? included.reduce((n, c) => n + (c.actual as number), 0);
  const sums = new Map(norm.weights.map((w) => [w.indicator, included.reduce((n, c) => n + (c.drivers[w.indicator] as number), 0)]));
  const zero = norm.weights.find((w) => w.weight > 0 && sums.get(w.indicator) === 0);
  if (zero) throw new WeightsError(`${zero.indicator} is zero for every council, so no share of it can be given`);
  const rows = included.map((c) => {
    let share = 0;
    for (const w of norm.weights) if (w.weight > 0) share += (w.weight / 100) * ((c.drivers[w.indicator] as number) / (sums.get(w.indicator) as number));
    const allocation = totalMillions * share;
    const gainMillions = allocation - (c.actual as number);
    return { code: c.code, name: c.name, actual: c.actual as number, allocation, gainMillions, gainPerHead: (gainMillions * 1_000_000) / (c.population as number) };
  }).sort((a, b) => b.gainMillions - a.gainMillions || a.code.localeCompare(b.code));
  return { weights: norm.weights, notes: norm.notes, totalMillions, rows, excluded, formula: WHATIF_FORMULA };
}
