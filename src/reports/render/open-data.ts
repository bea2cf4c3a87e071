// The compendium tables as open data: CSV (one row per indicator) and JSON, each with a metadata
// block saying where the figures come from, for which period and group, and how they are computed.
import type { ReportModel } from '../model/types.js';
import { toCsv } from '../../present/csv.js';
import { roundAt } from '../../present/format.js';
import { unitLabel } from '../../present/labels.js';

export interface OpenDataMetadata {
  title: string;
  publisher: string;
  source: string;
  period: string;
  periodKey: string;
  comparisonGroup: string;
  groupMembers: number;
  status: 'draft' | 'published';
  generatedOn: string;
  methodology: string;
  licence: string;
  columns: Record<string, string>;
}

const COLUMNS: Record<string, string> = {
  outcome: 'The plan outcome the indicator reports on; for an indicator under no outcome, its source or topic',
  grouped_by: 'outcome, source or topic: what the outcome column names',
  indicator_code: "The council's code for the indicator",
  indicator: 'What is measured',
  unit: 'percent, rate-per-1000, rate-per-100000, count, gbp, days, score, ratio or other',
  unit_label: 'The unit in words',
  decimal_places: 'The decimal places the figures are given to',
  polarity: 'higher or lower is better, or none',
  value: 'The value for the period (blank = missing, never zero)',
  target: 'The target for the period (blank = none)',
  rag: 'green, amber, red, no-target or missing',
  rag_label: 'The same in words',
  previous_period: 'The period compared with for direction of travel',
  previous_value: 'The value in the previous period',
  direction: 'improving, worsening, no-change, increasing, decreasing or not-comparable',
  direction_label: 'The same in words',
  group_n: 'How many councils in the group have a value',
  group_members: 'How many councils are in the group, with a value or not',
  coverage: 'How many councils had a value, and why that differs from the group',
  missing_reason: 'Why the council has no value for the period (blank when it has one)',
  group_median: 'The median of those values',
  rank: '1 = best after polarity; ties share the best rank',
  quartile_band: '1 = best quarter of the group, 4 = worst',
  trend: 'Mann-Kendall trend read through polarity',
  trend_label: 'The same in words',
  source: 'Where the figures come from',
};

export function openDataMetadata(m: ReportModel): OpenDataMetadata | null {
  const c = m.compendium;
  if (!c) return null;
  return {
    title: `${m.meta.councilName}: Performance Compendium ${c.periodLabel}`,
    publisher: m.meta.councilName,
    source: `${m.meta.councilName} performance data and ${c.groupLabel}; produced with Compendium`,
    period: c.periodLabel, periodKey: c.periodKey,
    comparisonGroup: c.groupLabel, groupMembers: c.groupMembers,
    status: m.meta.status, generatedOn: m.meta.generatedOn,
    methodology: m.meta.methodologyUrl,
    licence: 'Open Government Licence v3.0',
    columns: COLUMNS,
  };
}

function records(m: ReportModel): Record<string, string | number | null>[] {
  const c = m.compendium;
  if (!c) return [];
  // Figures at the indicator's stated precision; codes in their own columns, words beside them.
  return c.outcomes.flatMap((o) => o.rows.map((r) => {
    const dp = r.decimalPlaces;
    return {
      outcome: o.title, grouped_by: o.kind ?? (o.outcomeId ? 'outcome' : 'source'), indicator_code: r.code, indicator: r.title, unit: r.unit, unit_label: unitLabel(r.unit), decimal_places: dp, polarity: r.polarity,
      value: roundAt(r.value, dp), target: roundAt(r.target, dp), rag: r.rag.key, rag_label: r.rag.label, previous_period: r.previousPeriodLabel,
      previous_value: roundAt(r.previousValue, dp), direction: r.direction.key, direction_label: r.direction.label, group_n: r.groupWithValues,
      group_members: r.groupMembers, coverage: r.coverageText, missing_reason: r.missingReason,
      group_median: roundAt(r.median, dp), rank: r.rank, quartile_band: r.quartile.key === 'none' ? null : r.quartile.key,
      trend: r.trend.key, trend_label: r.trend.label, source: r.source,
    };
  }));
}

/** CSV: a commented metadata block ("# key: value"), then the header row and one row per indicator. */
export function renderCsv(m: ReportModel): string {
  const meta = openDataMetadata(m);
  if (!meta) return '# No compendium: there are no indicator values for this period.\r\n';
  const rows = records(m);
  const head = [
    `# ${meta.title}`, `# publisher: ${meta.publisher}`, `# source: ${meta.source}`, `# period: ${meta.period} (${meta.periodKey})`,
    `# comparison group: ${meta.comparisonGroup} (${meta.groupMembers} councils)`, `# status: ${meta.status}`, `# generated: ${meta.generatedOn}`,
    `# methodology: ${meta.methodology}`, `# licence: ${meta.licence}`,
    ...Object.entries(meta.columns).map(([k, v]) => `# column ${k}: ${v}`),
  ].map((line) => `${line.replace(/[\r\n]+/g, ' ')}\r\n`).join('');
  return head + toCsv(rows, Object.keys(COLUMNS));
}

export function renderJson(m: ReportModel): string {
  const meta = openDataMetadata(m);
  const rows = records(m);
  return JSON.stringify({ metadata: meta, summary: m.compendium?.summary ?? null, indicators: rows }, null, 2) + '\n';
}
