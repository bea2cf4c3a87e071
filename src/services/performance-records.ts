// A compendium as flat records (one per indicator and council) for CSV and other tabular exports.
import type { Compendium } from '../domain/performance.js';

export const COMPENDIUM_COLUMNS = [
  'area_code', 'area_name', 'group', 'group_label', 'period', 'indicator_code', 'indicator_title', 'unit', 'polarity',
  'value', 'status', 'target', 'target_tolerance', 'target_tolerance_kind', 'rag',
  'previous_period', 'previous_value', 'direction_previous', 'year_earlier_period', 'year_earlier_value', 'direction_year_earlier',
  'n', 'members', 'min', 'max', 'mean', 'median', 'q1', 'q3', 'mad', 'mad_deviation', 'rank', 'quartile_band', 'trend', 'trend_points',
] as const;

export function compendiumRecords(compendiums: readonly Compendium[]): Record<(typeof COMPENDIUM_COLUMNS)[number], string | number | null>[] {
  return compendiums.flatMap((c) => c.rows.map((r) => ({
    area_code: c.area.code, area_name: c.area.name, group: c.group.name, group_label: c.group.label, period: c.periodKey,
    indicator_code: r.indicator.code, indicator_title: r.indicator.title, unit: r.indicator.unit, polarity: r.indicator.polarity,
    value: r.value, status: r.status, target: r.target?.value ?? null, target_tolerance: r.target?.tolerance ?? null,
    target_tolerance_kind: r.target?.toleranceKind ?? null, rag: r.rag,
    previous_period: r.previous.periodKey, previous_value: r.previous.value, direction_previous: r.directionPrevious,
    year_earlier_period: r.yearEarlier.periodKey, year_earlier_value: r.yearEarlier.value, direction_year_earlier: r.directionYearEarlier,
    n: r.group.n, members: r.group.members, min: r.group.min, max: r.group.max, mean: r.group.mean, median: r.group.median,
    q1: r.group.q1, q3: r.group.q3, mad: r.group.mad, mad_deviation: r.madDeviation, rank: r.rank, quartile_band: r.quartileBand,
    trend: r.trend, trend_points: r.trendPoints,
  })));
}
