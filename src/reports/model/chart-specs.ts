// Chart specifications for the compendium: the data, headline and one-sentence reading of each chart.
// Pure: the SVG is drawn later by src/reports/charts.
import type { CompendiumRow, IndicatorHistory } from '../../domain/index.js';
import { formatValue, ordinal, periodLabel } from '../../present/format.js';
import { QUARTILE_LABELS, unitLabel } from '../../present/labels.js';
import type { PeerValue } from './input.js';
import type { CountView, PositionChartSpec, SummaryChartSpec, TrendChartSpec } from './types.js';

const QUARTILE_PHRASE: Record<1 | 2 | 3 | 4, string> = {
  1: 'in the top quartile', 2: 'in the second quartile', 3: 'in the third quartile', 4: 'in the bottom quartile',
};

const DIRECTION_PHRASE: Record<string, string> = {
  improving: 'improving', worsening: 'worsening', 'no-change': 'unchanged on the previous period',
  increasing: 'increasing', decreasing: 'decreasing',
};

/** "Demoshire was 3rd of 16, in the top quartile, and improving." */
export function positionSentence(areaName: string, row: CompendiumRow): string {
  const period = periodLabel(row.periodKey);
  const unit = row.indicator.unit;
  const dp = row.indicator.decimalPlaces;
  if (row.value === null) return `${areaName} has no value for ${period}, so it is not ranked.`;
  const direction = DIRECTION_PHRASE[row.directionPrevious];
  if (row.rank === null) {
    const median = row.group.median === null ? '' : ` against a group median of ${formatValue(row.group.median, unit, dp)}`;
    return `${areaName}'s value was ${formatValue(row.value, unit, dp)} in ${period}${median}${direction ? `, ${direction}` : ''}.`;
  }
  const parts = [`${areaName} was ${ordinal(row.rank)} of ${row.group.n}`];
  if (row.quartileBand) parts.push(QUARTILE_PHRASE[row.quartileBand]);
  const head = parts.join(', ');
  return direction ? `${head}, and ${direction}.` : `${head}.`;
}

export function trendSpec(history: IndicatorHistory, row: CompendiumRow, source: string, areaShortName: string, groupLabel: string): TrendChartSpec | null {
  const points = history.points.map((p) => ({ ...p, periodLabel: periodLabel(p.periodKey) }));
  const withValue = points.filter((p) => p.value !== null);
  if (withValue.length < 2) return null;
  const { unit, decimalPlaces: dp, title } = history.indicator;
  const f = (v: number | null) => formatValue(v, unit, dp);
  const first = withValue[0];
  const last = withValue[withValue.length - 1];
  const trendWords: Record<string, string> = {
    'getting-better': 'has got better', 'getting-worse': 'has got worse', increasing: 'has risen', decreasing: 'has fallen',
    'no-significant-change': 'shows no significant change',
  };
  const words = trendWords[row.trend];
  const headline = words
    ? `${title} ${words} since ${first.periodLabel}`
    : `${title}, ${first.periodLabel} to ${last.periodLabel}`;
  const median = last.median === null ? '' : `, when the group median was ${f(last.median)}`;
  const target = last.target === null ? '' : ` and the target ${f(last.target)}`;
  const description = `${history.area.name}'s value went from ${f(first.value)} in ${first.periodLabel} to ${f(last.value)} in ${last.periodLabel}${median}${target}.`;
  return {
    kind: 'trend',
    id: `chart-trend-${history.indicator.code}`.toLowerCase(),
    title: headline,
    description,
    source,
    indicatorTitle: title,
    unitLabel: unitLabel(unit),
    areaName: history.area.name,
    areaShortName,
    groupLabel,
    points,
    table: {
      caption: `${title}: ${history.area.name} and ${groupLabel}, by period`,
      head: ['Period', history.area.name, 'Group median', 'Lower quartile', 'Upper quartile', 'Target'],
      rows: points.map((p) => [p.periodLabel, f(p.value), f(p.median), f(p.q1), f(p.q3), p.target === null ? 'None' : f(p.target)]),
    },
  };
}

export function positionSpec(row: CompendiumRow, areaCode: string, areaName: string, groupLabel: string, peers: PeerValue[], source: string): PositionChartSpec | null {
  const withValue = peers.filter((p): p is PeerValue & { value: number } => p.value !== null && Number.isFinite(p.value));
  if (withValue.length < 2 || row.value === null) return null;
  const { polarity, unit, decimalPlaces: dp, title, code } = row.indicator;
  const sorted = [...withValue].sort((a, b) => (polarity === 'lower' ? a.value - b.value : b.value - a.value) || a.name.localeCompare(b.name));
  const members = sorted.map((p) => ({ code: p.code, name: p.name, value: p.value, highlighted: p.code === areaCode }));
  // Ties share the best rank, as the methodology says; polarity none has no ranks.
  const rankOf = (i: number) => sorted.findIndex((p) => p.value === sorted[i].value) + 1;
  const headline = row.rank === null
    ? `${title}: where ${areaName} stands in ${groupLabel}`
    : `${title}: ${areaName} ranks ${ordinal(row.rank)} of ${row.group.n}`;
  return {
    kind: 'position',
    id: `chart-position-${code}`.toLowerCase(),
    title: headline,
    description: positionSentence(areaName, row),
    source,
    indicatorTitle: title,
    unitLabel: unitLabel(unit),
    polarity,
    median: row.group.median,
    members,
    table: {
      caption: `${title}: every council in ${groupLabel}, ${periodLabel(row.periodKey)}${polarity === 'none' ? '' : ', best first'}`,
      head: polarity === 'none' ? ['Council', 'Value'] : ['Rank', 'Council', 'Value'],
      rows: members.map((m, i) => {
        const name = m.highlighted ? `${m.name} (this council)` : m.name;
        return polarity === 'none' ? [name, formatValue(m.value, unit, dp)] : [String(rankOf(i)), name, formatValue(m.value, unit, dp)];
      }),
    },
  };
}

export function summarySpec(kind: 'rag' | 'quartile', counts: CountView[], areaName: string, groupLabel: string, period: string, source: string): SummaryChartSpec {
  const total = counts.reduce((s, c) => s + c.count, 0);
  const top = [...counts].sort((a, b) => b.count - a.count)[0];
  if (kind === 'rag') {
    const met = counts.find((c) => c.key === 'green')?.count ?? 0;
    return {
      kind, id: 'chart-summary-rag', source, counts,
      title: `${met} of ${total} indicators met their target in ${period}`,
      description: total === 0 ? `No indicators were reported for ${period}.` : `The most common status was ${top.label.toLowerCase()}, for ${top.count} of ${total} indicators.`,
      table: { caption: `Indicators by status against target, ${period}`, head: ['Status', 'Indicators'], rows: counts.map((c) => [c.label, String(c.count)]) },
    };
  }
  const q1 = counts.find((c) => c.key === '1')?.count ?? 0;
  const banded = counts.filter((c) => c.key !== 'none');
  const ranked = banded.reduce((s, c) => s + c.count, 0);
  const topBand = [...banded].sort((a, b) => b.count - a.count)[0];
  return {
    kind, id: 'chart-summary-quartile', source, counts,
    title: `${q1} of ${ranked} ranked indicators put ${areaName} in the top quartile`,
    description: ranked === 0 ? `No indicators could be ranked against ${groupLabel} for ${period}.` : `Compared with ${groupLabel} in ${period}, ${areaName} was most often in the ${topBand.label.toLowerCase()} (${topBand.count} of ${ranked} indicators).`,
    table: { caption: `Indicators by quartile band in ${groupLabel}, ${period}`, head: ['Quartile band', 'Indicators'], rows: counts.map((c) => [c.label, String(c.count)]) },
  };
}

/** A group's label for sentences: its first sentence, without a closing full stop. */
export function shortGroupLabel(label: string): string {
  return label.split(/(?<=[.!?])\s+/)[0].replace(/[.!?]+$/, '');
}

/** Joins source notes, dropping a full stop already at the end of one. */
export const sourceLine = (...parts: string[]) => `Source: ${parts.map((p) => p.trim().replace(/[.;]+$/, '')).filter(Boolean).join('; ')}.`;

export const quartileCountViews = (q: { 1: number; 2: number; 3: number; 4: number; none: number }): CountView[] =>
  ([1, 2, 3, 4, 'none'] as const).map((k) => ({ key: String(k), label: QUARTILE_LABELS[k].label, symbol: QUARTILE_LABELS[k].symbol, count: q[k] }));
