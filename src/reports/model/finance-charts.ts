// Chart specifications for the financial context: funding per head against a group, the budget gap
// by year, savings delivered against target, and a what-if model's gain or loss. Pure.
import type { BudgetGap, Saving } from '../../domain/index.js';
import type { WhatIfResult } from '../../stats/finance/fair-funding.js';
import type { FundingComparison } from '../../stats/finance/funding-compare.js';
import { sourceLine } from './chart-specs.js';
import { formatNumber, formatPence, ordinal, periodLabel } from '../../present/format.js';
import type { BarChartSpec, PositionChartSpec } from './types.js';

const perHead = (n: number) => `£${formatNumber(n, 2)}`;
const millions = (n: number) => `${n < 0 ? '−' : ''}£${formatNumber(Math.abs(n), 1)}m`;
export const FUNDING_SOURCE = sourceLine('MHCLG local government finance settlement (spending power)', 'ONS mid-year population estimates', 'Open Government Licence v3.0');

/** Funding per head of every council in the group, the council highlighted, the group median marked. */
export function fundingPerHeadSpec(c: FundingComparison, groupLabel: string, period: string): PositionChartSpec | null {
  const ours = c.council;
  if (ours.perHead === null || c.others.length === 0) return null;
  const members = [...c.others.map((o) => ({ code: o.code, name: o.name, value: o.perHead, highlighted: false })), { code: ours.code, name: ours.name, value: ours.perHead, highlighted: true }]
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  const median = c.groupMedian;
  return {
    kind: 'position', id: 'chart-funding-per-head',
    title: `Spending power per head: ${ours.name} ranks ${ordinal(c.rank as number)} of ${c.ranked}`,
    description: median
      ? `In ${period} ${ours.name} had ${perHead(ours.perHead)} a head against a group median of ${perHead(median.perHead)}; funded at the median it would have ${millions(median.gapMillions)} a year ${median.gapMillions >= 0 ? 'more' : 'less'}.`
      : `In ${period} ${ours.name} had ${perHead(ours.perHead)} a head.`,
    source: FUNDING_SOURCE, indicatorTitle: 'Spending power per head', unitLabel: '£ per head', polarity: 'higher', median: median?.perHead ?? null, members,
    table: {
      caption: `Spending power per head and the gap a year to each council, ${groupLabel}, ${period}`,
      head: ['Rank', 'Council', 'Per head', 'Gap a year'],
      rows: members.map((m) => {
        const other = c.others.find((o) => o.code === m.code);
        return [String(other?.rank ?? c.rank), m.highlighted ? `${m.name} (this council)` : m.name, perHead(m.value), other ? millions(other.gapMillions) : '–'];
      }),
    },
  };
}

/** The budget gap forecast for each year of the medium-term financial strategy. */
export function budgetGapSpec(gaps: BudgetGap[], councilName: string): BarChartSpec | null {
  if (!gaps.length) return null;
  const sorted = [...gaps].sort((a, b) => a.periodKey.localeCompare(b.periodKey));
  const last = sorted[sorted.length - 1];
  return {
    kind: 'bars', id: 'chart-budget-gap', unitLabel: '£ million',
    title: `Budget gap by year: ${formatPence(last.gapPence)} by ${periodLabel(last.periodKey)}`,
    description: `The gap ${councilName} forecasts between what it must spend and the money it expects, year by year across its medium-term financial strategy.`,
    source: sourceLine(`${councilName}, medium-term financial strategy`),
    bars: sorted.map((g) => ({ label: periodLabel(g.periodKey), value: g.gapPence / 1e8, valueText: formatPence(g.gapPence), series: 'primary' })),
    table: { caption: 'Budget gap by year', head: ['Year', 'Budget gap', 'Note'], rows: sorted.map((g) => [periodLabel(g.periodKey), formatPence(g.gapPence), g.note ?? '']) },
  };
}

/** Savings delivered against target, year by year (the savings plan summed). */
export function savingsSpec(savings: Saving[], councilName: string): BarChartSpec | null {
  if (!savings.length) return null;
  const years = [...new Set(savings.map((s) => s.periodKey))].sort();
  const sum = (k: string, f: 'targetPence' | 'deliveredPence') => savings.filter((s) => s.periodKey === k).reduce((n, s) => n + s[f], 0);
  const target = savings.reduce((n, s) => n + s.targetPence, 0);
  const delivered = savings.reduce((n, s) => n + s.deliveredPence, 0);
  return {
    kind: 'bars', id: 'chart-savings', unitLabel: '£ million',
    title: `Savings: ${formatPence(delivered)} delivered against a target of ${formatPence(target)}`,
    description: `Each year's savings target in ${councilName}'s plan (outlined bars) and the amount delivered (filled bars).`,
    source: sourceLine(`${councilName}, savings plan`),
    bars: years.flatMap((k) => [
      { label: `${periodLabel(k)} target`, value: sum(k, 'targetPence') / 1e8, valueText: formatPence(sum(k, 'targetPence')), series: 'secondary' as const },
      { label: `${periodLabel(k)} delivered`, value: sum(k, 'deliveredPence') / 1e8, valueText: formatPence(sum(k, 'deliveredPence')), series: 'primary' as const },
    ]),
    table: { caption: 'Savings by year', head: ['Year', 'Target', 'Delivered'], rows: years.map((k) => [periodLabel(k), formatPence(sum(k, 'targetPence')), formatPence(sum(k, 'deliveredPence'))]) },
  };
}

/** A what-if model's gain or loss for the council and the councils either side of it. */
export function whatIfSpec(w: WhatIfResult, councilCode: string, modelName: string): BarChartSpec | null {
  const i = w.rows.findIndex((r) => r.code === councilCode);
  if (i < 0) return null;
  const ours = w.rows[i];
  const shown = [...w.rows.slice(0, 5), ...w.rows.slice(Math.max(5, i - 2), i + 3)].filter((r, k, all) => all.findIndex((x) => x.code === r.code) === k);
  return {
    kind: 'bars', id: 'chart-whatif', unitLabel: '£ million a year',
    title: `${modelName}: ${ours.name} would ${ours.gainMillions >= 0 ? 'gain' : 'lose'} ${millions(Math.abs(ours.gainMillions))} a year`,
    description: `Sharing ${millions(w.totalMillions)} by ${w.weights.map((x) => `${x.indicator} ${formatNumber(x.weight, 0)}%`).join(', ')}, against actual spending power; the biggest gains and the councils either side of ${ours.name}.`,
    source: FUNDING_SOURCE,
    bars: shown.map((r) => ({ label: r.code === councilCode ? `${r.name} (this council)` : r.name, value: r.gainMillions, valueText: millions(r.gainMillions), series: r.code === councilCode ? 'primary' : 'secondary' })),
    table: { caption: `${modelName}: allocation against actual spending power`, head: ['Council', 'Actual', 'Model', 'Gain or loss', 'Gain or loss per head'], rows: shown.map((r) => [r.name, millions(r.actual), millions(r.allocation), millions(r.gainMillions), perHead(r.gainPerHead)]) },
  };
}
