// Funding comparisons and what-if results as flat records: the CSV/JSON/table rows of the CLI and site.
import type { ComparisonView, WhatIfView } from './funding.js';

const round = (n: number, dp: number) => Math.round(n * 10 ** dp) / 10 ** dp;

export const COMPARISON_COLUMNS = ['code', 'council', 'per_head_gbp', 'rank', 'gap_gbp_millions', 'note'] as const;

/** One record per comparator (the council first, then the group median and the national average). */
export function comparisonRecords(c: ComparisonView): Record<(typeof COMPARISON_COLUMNS)[number], string | number | null>[] {
  const ours = c.council;
  const records: Record<(typeof COMPARISON_COLUMNS)[number], string | number | null>[] = [
    { code: ours.code, council: ours.name, per_head_gbp: ours.perHead === null ? null : round(ours.perHead, 2), rank: c.rank, gap_gbp_millions: null, note: ours.perHead === null ? ours.missingReason : 'this council' },
  ];
  for (const o of c.others) records.push({ code: o.code, council: o.name, per_head_gbp: round(o.perHead, 2), rank: o.rank, gap_gbp_millions: round(o.gapMillions, 2), note: null });
  if (c.groupMedian) records.push({ code: 'median', council: `Median of ${c.groupLabel}`, per_head_gbp: round(c.groupMedian.perHead, 2), rank: null, gap_gbp_millions: round(c.groupMedian.gapMillions, 2), note: null });
  if (c.nationalAverage) records.push({ code: 'national', council: 'National average (English upper-tier councils)', per_head_gbp: round(c.nationalAverage.perHead, 2), rank: null, gap_gbp_millions: round(c.nationalAverage.gapMillions, 2), note: c.nationalRule });
  for (const m of c.missing) if (m.code !== ours.code) records.push({ code: m.code, council: m.name, per_head_gbp: null, rank: null, gap_gbp_millions: null, note: m.reason });
  return records;
}

export const WHATIF_COLUMNS = ['code', 'council', 'actual_gbp_millions', 'allocation_gbp_millions', 'gain_gbp_millions', 'gain_per_head_gbp'] as const;

export function whatIfRecords(w: WhatIfView): Record<(typeof WHATIF_COLUMNS)[number], string | number>[] {
  return w.rows.map((r) => ({
    code: r.code, council: r.name, actual_gbp_millions: round(r.actual, 2), allocation_gbp_millions: round(r.allocation, 2),
    gain_gbp_millions: round(r.gainMillions, 2), gain_per_head_gbp: round(r.gainPerHead, 2),
  }));
}
