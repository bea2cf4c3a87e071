// Funding per head compared: a council's rank in a group, and the gap to each other council, to the
// group median and to the national average, in £ million a year:
//   gap = (their per-head figure − ours) × our population ÷ 1,000,000
// A positive gap is what the council would have more if funded at their level.
import { medianSorted, sortedPresent } from '../quantile.js';

export const GAP_FORMULA = 'gap (£m a year) = (their spending power per head − ours) × our population ÷ 1,000,000';
export const NATIONAL_AVERAGE_RULE = 'national average = total spending power ÷ total population of the councils with both figures';

export interface CouncilFunding {
  code: string;
  name: string;
  /** Spending power in £ million, and population, both null when missing. */
  spendingPower: number | null;
  population: number | null;
  /** Per head in pounds; null with the reason when missing. */
  perHead: number | null;
  missingReason: string | null;
}

export interface FundingGap {
  code: string;
  name: string;
  perHead: number;
  /** Rank by funding per head in the group, 1 = the most. */
  rank: number;
  gapMillions: number;
}

export interface FundingComparison {
  council: CouncilFunding;
  rank: number | null;
  /** Councils in the group with a per-head figure. */
  ranked: number;
  others: FundingGap[];
  groupMedian: { perHead: number; gapMillions: number } | null;
  nationalAverage: { perHead: number; gapMillions: number } | null;
  /** Members without a figure, with the reason. */
  missing: { code: string; name: string; reason: string }[];
  formula: string;
}

const gap = (theirs: number, ours: number, population: number) => ((theirs - ours) * population) / 1_000_000;

export function compareFunding(councilCode: string, group: CouncilFunding[], national: CouncilFunding[]): FundingComparison {
  const council = group.find((c) => c.code === councilCode) ?? national.find((c) => c.code === councilCode);
  if (!council) throw new Error(`${councilCode} is not among the councils compared`);
  const withValue = group.filter((c) => c.perHead !== null).sort((a, b) => (b.perHead as number) - (a.perHead as number) || a.code.localeCompare(b.code));
  const rankOf = new Map<string, number>();
  withValue.forEach((c, i) => rankOf.set(c.code, i > 0 && c.perHead === withValue[i - 1].perHead ? (rankOf.get(withValue[i - 1].code) as number) : i + 1));
  const ours = council.perHead;
  const pop = council.population;
  const can = ours !== null && pop !== null;
  const others = can
    ? withValue.filter((c) => c.code !== councilCode).map((c) => ({ code: c.code, name: c.name, perHead: c.perHead as number, rank: rankOf.get(c.code) as number, gapMillions: gap(c.perHead as number, ours, pop) }))
    : [];
  const med = withValue.length ? medianSorted(sortedPresent(withValue.map((c) => c.perHead))) : null;
  const both = national.filter((c) => c.spendingPower !== null && c.population !== null && c.population > 0);
  const totalPop = both.reduce((n, c) => n + (c.population as number), 0);
  const avg = totalPop > 0 ? (both.reduce((n, c) => n + (c.spendingPower as number), 0) * 1_000_000) / totalPop : null;
  return {
    council,
    rank: rankOf.get(councilCode) ?? null,
    ranked: withValue.length,
    others,
    groupMedian: can && med !== null ? { perHead: med, gapMillions: gap(med, ours, pop) } : null,
    nationalAverage: can && avg !== null ? { perHead: avg, gapMillions: gap(avg, ours, pop) } : null,
    missing: group.filter((c) => c.perHead === null).map((c) => ({ code: c.code, name: c.name, reason: c.missingReason ?? 'no figure' })),
    formula: GAP_FORMULA,
  };
}
