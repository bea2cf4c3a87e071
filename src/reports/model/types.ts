// The shape of an Annual Delivery Report and Performance Compendium, ready to render in any format.
// Everything here is plain data (JSON-safe) so that the model can be golden-tested and cached.
import type { CommitmentStatus, EntryKind, HistoryPoint, QuartileBand, Rag, Direction, Trend, WorkflowState } from '../../domain/index.js';
import type { Labelled } from '../../present/labels.js';
import type { ChangesModel } from './changes.js';

export type { Labelled };

export interface ReportMeta {
  title: string;
  councilName: string;
  councilCode: string;
  planId: string;
  planTitle: string;
  /** "2019 to 2022" */
  planSpan: string;
  /** The plan as the title page names it: its title, with its years unless the title has them. */
  planLine: string;
  periodKey: string;
  /** "2023/24" */
  periodLabel: string;
  /** yyyy-mm-dd the report was produced. */
  generatedOn: string;
  /** "23 November 2026" */
  generatedOnLabel: string;
  status: 'draft' | 'published';
  brandColour: string;
  /** The workspace holds invented data (the demo). */
  fictional: boolean;
  methodologyUrl: string;
}

export interface KeyPriority {
  anchor: string;
  title: string;
  summary: string;
}

export interface FinancialFigureView {
  label: string;
  /** Formatted: "£210.0m", "4.2%". */
  value: string;
  note: string | null;
}

export interface EntryView {
  id: string;
  kind: EntryKind;
  title: string;
  /** Markdown as written; renderers sanitise it. */
  body: string;
  /** "12 March 2024" */
  dateLabel: string | null;
  status: string | null;
  /** Shown in a draft report for anything not yet published. */
  workflowState: WorkflowState;
  keyFigures: string[];
  places: string[];
  partners: string[];
}

export interface ThemeSection {
  id: string;
  anchor: string;
  title: string;
  summary: string;
  /** The theme's introduction in the council's words, paragraph by paragraph. */
  narrative?: string[];
  entries: EntryView[];
}

export interface CommitmentView {
  id: string;
  text: string;
  /** "March 2025", "early 2026", or "No date set". */
  due: string;
  status: CommitmentStatus;
  statusLabel: string;
  workflowState: WorkflowState;
}

export interface OutcomeSection {
  id: string;
  anchor: string;
  title: string;
  summary: string;
  /** The outcome's introduction in the council's words, paragraph by paragraph (printed instead of the summary). */
  narrative?: string[];
  /** Entries of the outcome that belong to none of its themes. */
  entries: EntryView[];
  themes: ThemeSection[];
  commitments: CommitmentView[];
  /** Set when nothing was delivered under the outcome in the period: the sentence printed under its heading. */
  noEntries?: string;
}

/** Entries not (yet) placed under an outcome, grouped by the heading they were imported under. */
export interface OtherSection {
  anchor: string;
  title: string;
  entries: EntryView[];
  commitments?: CommitmentView[];
}


export interface IndicatorRow {
  indicatorId: string;
  code: string;
  title: string;
  anchor: string;
  unit: string;
  decimalPlaces: number;
  polarity: 'higher' | 'lower' | 'none';
  /** "Higher is better" */
  polarityLabel: string;
  value: number | null;
  valueText: string;
  target: number | null;
  targetText: string;
  rag: Labelled<Rag>;
  direction: Labelled<Direction>;
  previousPeriodLabel: string;
  previousValue: number | null;
  previousText: string;
  median: number | null;
  medianText: string;
  rank: number | null;
  /** "3 of 16", or "–" */
  rankText: string;
  groupWithValues: number;
  /** Councils in the group, with a value or not. */
  groupMembers: number;
  /** "Values for 14 of 16 councils: 2 not published for 2022/23." */
  coverageText: string;
  /** Why there is no value for the period; null when there is one. */
  missingReason: string | null;
  quartile: Labelled<QuartileBand | 'none'>;
  trend: Labelled<Trend>;
  source: string | null;
  /** Chart anchors, in order. */
  chartIds: string[];
}

export interface CompendiumOutcome {
  /** null for indicators that belong to no outcome. */
  outcomeId: string | null;
  /** An outcome of the plan, or for indicators under none, their source or topic. */
  kind?: 'outcome' | 'source' | 'topic' | 'none';
  anchor: string;
  title: string;
  /** How many councils had a value, and why that differs from the group's size. */
  coverage?: string;
  rows: IndicatorRow[];
}

/** A measure with no value for the period, and why. */
export interface MissingMeasureView {
  code: string;
  title: string;
  anchor: string;
  reason: string;
}

export interface CountView {
  key: string;
  label: string;
  symbol: string;
  count: number;
}

export interface CompendiumSummaryView {
  indicators: number;
  rag: CountView[];
  quartiles: CountView[];
  direction: CountView[];
  /** Plain-English sentences for the summary page. */
  sentences: string[];
}

export interface CompendiumSection {
  areaName: string;
  periodKey: string;
  periodLabel: string;
  groupName: string;
  /** Short, for sentences: "Demoshire and fifteen English county councils". */
  groupLabel: string;
  /** The group's full description as stored. */
  groupDescription: string;
  groupMembers: number;
  summary: CompendiumSummaryView;
  /** Every measure without a value for the period; as many as the summary's "missing" count. */
  missing?: MissingMeasureView[];
  summaryCharts: ChartSpec[];
  outcomes: CompendiumOutcome[];
  /** One trend and one position chart per indicator where there is data to draw. */
  charts: ChartSpec[];
}

interface ChartBase {
  id: string;
  /** Headline: what the chart says, not what it is. */
  title: string;
  /** One sentence: "Demoshire was 3rd of 16, in the top quartile, and improving." */
  description: string;
  source: string;
  /** Data table: header cells and rows of text. */
  table: { caption: string; head: string[]; rows: string[][] };
}

export interface TrendChartSpec extends ChartBase {
  kind: 'trend';
  indicatorTitle: string;
  unitLabel: string;
  areaName: string;
  /** For labels on the chart: "Demoshire" rather than "Demoshire County Council". */
  areaShortName: string;
  groupLabel: string;
  points: (HistoryPoint & { periodLabel: string })[];
}

export interface PositionChartSpec extends ChartBase {
  kind: 'position';
  indicatorTitle: string;
  unitLabel: string;
  polarity: 'higher' | 'lower' | 'none';
  median: number | null;
  /** Best first after polarity; members without a value are left out. */
  members: { code: string; name: string; value: number; highlighted: boolean }[];
}

export interface SummaryChartSpec extends ChartBase {
  kind: 'rag' | 'quartile';
  counts: CountView[];
}

/** Horizontal bars with their values written on them: budget gap by year, savings against target. */
export interface BarChartSpec extends ChartBase {
  kind: 'bars';
  unitLabel: string;
  /** Each bar's label says what it is ("2021/22 target"); `series` picks its fill and is also in the label. */
  bars: { label: string; value: number; valueText: string; series: 'primary' | 'secondary' }[];
  /** The values are counts: the axis is marked in whole numbers only (never "0.2 commitments"). */
  counts?: boolean;
}

export type ChartSpec = TrendChartSpec | PositionChartSpec | SummaryChartSpec | BarChartSpec;

export interface ReportModel {
  meta: ReportMeta;
  introduction: string[];
  /** The council's own sections that are not outcomes (its introduction, financial context …), in its order. */
  narrative?: { heading: string | null; paragraphs: string[] }[];
  keyPriorities: KeyPriority[];
  financial: { heading: string; figures: FinancialFigureView[]; narrative?: string[]; charts?: ChartSpec[] } | null;
  outcomes: OutcomeSection[];
  other: OtherSection[];
  compendium: CompendiumSection | null;
  /** Contents list: top-level sections in reading order. */
  contents: { anchor: string; title: string; children: { anchor: string; title: string }[] }[];
  /** What changed since the latest earlier period with entries; absent when there is none. */
  changes?: ChangesModel | null;
}
