// What "how are we doing?" looks like: the results of benchmarking one council against a group,
// as the methodology defines them. Produced by services.performance, read by reports and the web.
import type { Frequency, Polarity, ToleranceKind, Unit } from './model.js';

/** RAG against target. `missing` = no value when one was due; `no-target` = nothing to judge against. */
export const RAGS = ['green', 'amber', 'red', 'no-target', 'missing'] as const;
export type Rag = (typeof RAGS)[number];

/** Direction of travel; with polarity none it is increasing/decreasing. `not-comparable` when either value is missing. */
export const DIRECTIONS = ['improving', 'worsening', 'no-change', 'increasing', 'decreasing', 'not-comparable'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Mann–Kendall trend read through polarity; `too-few-points` under 5 values. */
export const TRENDS = ['getting-better', 'getting-worse', 'increasing', 'decreasing', 'no-significant-change', 'too-few-points'] as const;
export type Trend = (typeof TRENDS)[number];

export type QuartileBand = 1 | 2 | 3 | 4;

/** Statistics over a comparison group's members that have a value (n); all null when n = 0. */
export interface GroupStats {
  n: number;
  /** Members of the group, with or without a value. */
  members: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  median: number | null;
  /** Quartile boundaries, R type 7 / Excel QUARTILE.INC. */
  q1: number | null;
  q3: number | null;
  /** Median absolute deviation. */
  mad: number | null;
}

export interface IndicatorSummary {
  id: string;
  code: string;
  title: string;
  unit: Unit;
  decimalPlaces: number;
  polarity: Polarity;
  frequency: Frequency;
  outcomeId: string | null;
  themeId: string | null;
  source: string | null;
}

export interface PeriodValue {
  periodKey: string;
  value: number | null;
}

export interface CompendiumRow {
  indicator: IndicatorSummary;
  periodKey: string;
  value: number | null;
  status: 'provisional' | 'final' | null;
  target: { value: number; tolerance: number; toleranceKind: ToleranceKind } | null;
  rag: Rag;
  previous: PeriodValue;
  directionPrevious: Direction;
  yearEarlier: PeriodValue;
  directionYearEarlier: Direction;
  group: GroupStats;
  /** (value − median) / MAD; null when MAD = 0 or there is no value. */
  madDeviation: number | null;
  /** 1 = best after polarity; ties share the best rank. null for polarity none or no value. */
  rank: number | null;
  quartileBand: QuartileBand | null;
  trend: Trend;
  /** How many values the trend was computed over. */
  trendPoints: number;
  /** Set on a draft report's rows whose value is still in the approval workflow. */
  unpublished?: boolean;
}

export interface CompendiumSummary {
  indicators: number;
  rag: Record<Rag, number>;
  quartiles: { 1: number; 2: number; 3: number; 4: number; none: number };
  direction: { improving: number; worsening: number; noChange: number; notComparable: number };
}

export interface Compendium {
  area: { code: string; name: string };
  group: { name: string; label: string; members: number };
  periodKey: string;
  rows: CompendiumRow[];
  summary: CompendiumSummary;
}

/** One period of an indicator's history for one council, with its group's spread: the trend chart's data. */
export interface HistoryPoint {
  periodKey: string;
  value: number | null;
  target: number | null;
  n: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export interface IndicatorHistory {
  indicator: IndicatorSummary;
  area: { code: string; name: string };
  group: { name: string; label: string; members: number };
  points: HistoryPoint[];
}
