// Assembles one compendium row (an indicator for a council, a period and a group) from the
// statistics, and the summary counts over rows. Pure: the caller supplies every value.
import type { CompendiumRow, CompendiumSummary, GroupStats, IndicatorSummary, PeriodValue } from '../domain/performance.js';
import { directionOfTravel } from './direction-of-travel.js';
import { groupStatsSorted } from './group-stats.js';
import { madDeviation } from './mad-deviation.js';
import { quartileBand } from './quartile-band.js';
import { rag, type TargetInput } from './rag.js';
import { rankIn } from './rank.js';
import { trend } from './trend.js';

export interface CompendiumRowInput {
  indicator: IndicatorSummary;
  /** Differences no bigger than this are "no change". */
  changeTolerance: number;
  periodKey: string;
  value: number | null;
  status: CompendiumRow['status'];
  target: TargetInput | null;
  previous: PeriodValue;
  yearEarlier: PeriodValue;
  /** The group's present values sorted ascending, the council's own included. */
  groupSorted: ArrayLike<number>;
  /** The same group's statistics when already computed (they depend only on groupSorted and members). */
  groupStats?: GroupStats;
  members: number;
  /** The council's values of this indicator in time order, up to and including this period. */
  series: readonly (number | null)[];
}

export function compendiumRow(r: CompendiumRowInput): CompendiumRow {
  const { polarity } = r.indicator;
  const group = r.groupStats ?? groupStatsSorted(r.groupSorted, r.members);
  const rank = rankIn(r.groupSorted, r.value, polarity);
  const t = trend(r.series, polarity);
  return {
    indicator: r.indicator,
    periodKey: r.periodKey,
    value: r.value,
    status: r.status,
    target: r.target,
    rag: rag(r.value, r.target, polarity),
    previous: r.previous,
    directionPrevious: directionOfTravel(r.value, r.previous.value, polarity, r.changeTolerance),
    yearEarlier: r.yearEarlier,
    directionYearEarlier: directionOfTravel(r.value, r.yearEarlier.value, polarity, r.changeTolerance),
    group,
    madDeviation: madDeviation(r.value, group),
    rank,
    quartileBand: quartileBand(rank, group.n, polarity),
    trend: t.trend,
    trendPoints: t.points,
  };
}

/** Counts over rows: by RAG, by quartile band, and by direction of travel against the previous period. */
export function summarise(rows: readonly CompendiumRow[]): CompendiumSummary {
  const summary: CompendiumSummary = {
    indicators: rows.length,
    rag: { green: 0, amber: 0, red: 0, 'no-target': 0, missing: 0 },
    quartiles: { 1: 0, 2: 0, 3: 0, 4: 0, none: 0 },
    direction: { improving: 0, worsening: 0, noChange: 0, notComparable: 0 },
  };
  for (const row of rows) {
    summary.rag[row.rag]++;
    if (row.quartileBand === null) summary.quartiles.none++;
    else summary.quartiles[row.quartileBand]++;
    const d = row.directionPrevious;
    if (d === 'improving') summary.direction.improving++;
    else if (d === 'worsening') summary.direction.worsening++;
    else if (d === 'no-change') summary.direction.noChange++;
    else if (d === 'not-comparable') summary.direction.notComparable++;
  }
  return summary;
}
