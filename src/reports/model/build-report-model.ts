// Builds the ReportModel for one plan and one reporting period from what the service loaded.
// Pure: no I/O, so the same input always gives the same model (golden-tested).
import type { CompendiumRow, Rag } from '../../domain/index.js';
import { periodFromKey, RAGS } from '../../domain/index.js';
import { formatDate, formatFigure, formatMonth, formatValue, periodLabel } from '../../present/format.js';
import { COMMITMENT_LABELS, DIRECTION_LABELS, POLARITY_LABELS, QUARTILE_LABELS, RAG_LABELS, TREND_LABELS } from '../../present/labels.js';
import { anchor } from './anchor.js';
import { positionSpec, quartileCountViews, shortGroupLabel, sourceLine, summarySpec, trendSpec } from './chart-specs.js';
import type { ReportCommitment, ReportEntry, ReportInput } from './input.js';
import { financeSection } from './finance-section.js';
import { keyFigure } from './key-figures.js';
import { coverageText, groupRows, missingReason, summarySentences, tableCoverageText } from './indicator-groups.js';
import type {
  ChartSpec, CommitmentView, CompendiumOutcome, CompendiumSection, CountView, EntryView, IndicatorRow, OtherSection,
  OutcomeSection, ReportModel,
} from './types.js';

const MAX_KEY_FIGURES = 6;

/** Whether an entry belongs to the report's period: by its period (or one inside it), else its date; undated entries always. */
export function entryInPeriod(e: Pick<ReportEntry, 'periodKey' | 'date'>, periodKey: string): boolean {
  const period = periodFromKey(periodKey);
  if (!period) return e.periodKey === periodKey;
  if (e.periodKey) {
    const own = periodFromKey(e.periodKey);
    return e.periodKey === periodKey || (own !== undefined && own.start >= period.start && own.end <= period.end);
  }
  if (e.date) return e.date >= period.start && e.date <= period.end;
  return true;
}

/** Commitments due in the period or later, and those with no due date yet. */
export function commitmentInScope(c: Pick<ReportCommitment, 'dueEnd' | 'dueStart'>, periodKey: string): boolean {
  const period = periodFromKey(periodKey);
  const end = c.dueEnd ?? c.dueStart;
  return !period || end === null || end >= period.start;
}

function entryView(e: ReportEntry): EntryView {
  const figures: string[] = [];
  for (const f of [...e.facts].sort((a, b) => (a.start ?? 0) - (b.start ?? 0))) {
    const figure = keyFigure(f, e.body);
    if (figure && !figures.includes(figure) && figures.length < MAX_KEY_FIGURES) figures.push(figure);
  }
  return {
    id: e.id, kind: e.kind, title: e.title, body: e.body,
    dateLabel: e.date ? formatDate(e.date) : null,
    status: e.status, workflowState: e.workflowState,
    keyFigures: figures,
    places: e.places.map((p) => p.name),
    partners: [...e.partners],
  };
}

function commitmentView(c: ReportCommitment): CommitmentView {
  return {
    id: c.id, text: c.text,
    due: c.dueText ?? (c.dueEnd ? formatMonth(c.dueEnd) : 'No date set'),
    status: c.status, statusLabel: COMMITMENT_LABELS[c.status], workflowState: c.workflowState,
  };
}

const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;
const dueOrder = (a: ReportCommitment, b: ReportCommitment) =>
  (a.dueEnd ?? '9999').localeCompare(b.dueEnd ?? '9999') || a.text.localeCompare(b.text);

function indicatorRow(r: CompendiumRow, chartIds: string[], ctx: { areaName: string; periodLabel: string }): IndicatorRow {
  const { unit, decimalPlaces: dp } = r.indicator;
  const f = (v: number | null) => formatValue(v, unit, dp);
  return {
    indicatorId: r.indicator.id, code: r.indicator.code, title: r.indicator.title,
    anchor: anchor('indicator', r.indicator.code),
    unit, decimalPlaces: dp, polarity: r.indicator.polarity, polarityLabel: POLARITY_LABELS[r.indicator.polarity],
    // Only a draft report has values still in the approval workflow, and says so beside each.
    value: r.value, valueText: r.unpublished ? `${f(r.value)} (not yet approved)` : f(r.value),
    target: r.target?.value ?? null, targetText: r.target ? f(r.target.value) : 'None',
    rag: RAG_LABELS[r.rag],
    direction: DIRECTION_LABELS[r.directionPrevious],
    previousPeriodLabel: periodLabel(r.previous.periodKey), previousValue: r.previous.value, previousText: f(r.previous.value),
    median: r.group.median, medianText: f(r.group.median),
    rank: r.rank, rankText: r.rank === null ? '–' : `${r.rank} of ${r.group.n}`,
    groupWithValues: r.group.n,
    groupMembers: r.group.members,
    coverageText: coverageText(r, ctx.periodLabel),
    missingReason: missingReason(r, { ...ctx, previousLabel: periodLabel(r.previous.periodKey) }),
    quartile: QUARTILE_LABELS[r.quartileBand ?? 'none'],
    trend: TREND_LABELS[r.trend],
    source: r.indicator.source?.trim().replace(/[.;]+$/, '') || null,
    chartIds,
  };
}

function compendiumSection(input: ReportInput): CompendiumSection | null {
  const c = input.compendium;
  if (!c) return null;
  const period = periodLabel(c.periodKey);
  const groupLabel = shortGroupLabel(c.group.label);
  const charts: ChartSpec[] = [];
  const rowOf = new Map<CompendiumRow, IndicatorRow>();
  for (const r of c.rows) {
    const source = sourceLine(r.indicator.source ?? `${input.council.name} performance data`, `${groupLabel}, ${period}`);
    const ids: string[] = [];
    const peers = input.peerValues[r.indicator.id] ?? [];
    const shortName = peers.find((p) => p.code === c.area.code)?.name ?? c.area.name;
    const history = input.histories[r.indicator.id];
    const trend = history ? trendSpec(history, r, source, shortName, groupLabel) : null;
    if (trend) { charts.push(trend); ids.push(trend.id); }
    const position = positionSpec(r, c.area.code, c.area.name, groupLabel, peers, source);
    if (position) { charts.push(position); ids.push(position.id); }
    rowOf.set(r, indicatorRow(r, ids, { areaName: c.area.name, periodLabel: period }));
  }
  // Under the plan's outcomes in its order; indicators under none by their source or topic, never "Other".
  const planOutcomes = [...input.plan.outcomes].sort(byPosition);
  const slugOf = new Map(planOutcomes.map((o) => [o.id, o.slug]));
  const outcomes: CompendiumOutcome[] = groupRows(c.rows, planOutcomes).map((g) => ({
    outcomeId: g.outcomeId, kind: g.kind, title: g.title,
    anchor: g.outcomeId ? anchor('compendium', slugOf.get(g.outcomeId)!) : anchor('compendium', g.key.replace(/^[a-z]+:/, `${g.kind}-`)),
    coverage: tableCoverageText(g.rows, period),
    rows: g.rows.map((r) => rowOf.get(r)!),
  }));
  const missing = outcomes.flatMap((o) => o.rows).filter((r) => r.missingReason !== null)
    .map((r) => ({ code: r.code, title: r.title, anchor: r.anchor, reason: r.missingReason! }));

  const s = c.summary;
  const rag: CountView[] = RAGS.map((k: Rag) => ({ key: k, label: RAG_LABELS[k].label, symbol: RAG_LABELS[k].symbol, count: s.rag[k] }));
  const quartiles = quartileCountViews(s.quartiles);
  const direction: CountView[] = [
    { key: 'improving', label: 'Improving', symbol: '▲', count: s.direction.improving },
    { key: 'worsening', label: 'Worsening', symbol: '▼', count: s.direction.worsening },
    { key: 'no-change', label: 'No change', symbol: '●', count: s.direction.noChange },
    { key: 'not-comparable', label: 'Not comparable', symbol: '–', count: s.direction.notComparable },
  ];
  const sentences = summarySentences(s, { areaName: c.area.name, periodLabel: period, groupLabel, members: c.group.members });
  const summarySource = sourceLine(`${input.council.name} performance data`, `${groupLabel}, ${period}`);
  return {
    areaName: c.area.name, periodKey: c.periodKey, periodLabel: period,
    groupName: c.group.name, groupLabel, groupDescription: c.group.label, groupMembers: c.group.members,
    summary: { indicators: s.indicators, rag, quartiles, direction, sentences },
    missing,
    summaryCharts: [
      summarySpec('rag', rag, c.area.name, groupLabel, period, summarySource),
      summarySpec('quartile', quartiles, c.area.name, groupLabel, period, summarySource),
    ],
    outcomes,
    charts,
  };
}

/** The table of contents: fixed sections, each outcome with the themes that have entries, the rest, the compendium. */
function contentsOf(parts: { figures: boolean; outcomes: OutcomeSection[]; other: OtherSection[]; compendium: ReportModel['compendium'] }): ReportModel['contents'] {
  const { outcomes, other, compendium } = parts;
  const contents: ReportModel['contents'] = [
    { anchor: 'introduction', title: 'Introduction', children: [] },
    { anchor: 'key-priorities', title: 'Key priorities', children: [] },
  ];
  if (parts.figures) contents.push({ anchor: 'financial-context', title: 'Financial context', children: [] });
  for (const o of outcomes) contents.push({ anchor: o.anchor, title: o.title, children: o.themes.filter((t) => t.entries.length).map((t) => ({ anchor: t.anchor, title: t.title })) });
  if (other.length) contents.push({ anchor: 'other-achievements', title: 'Other achievements and commitments', children: other.map((s) => ({ anchor: s.anchor, title: s.title })) });
  if (compendium) {
    contents.push({
      anchor: 'performance-compendium', title: 'Performance Compendium',
      children: [{ anchor: 'compendium-summary', title: 'Summary' }, ...compendium.outcomes.map((o) => ({ anchor: o.anchor, title: o.title })), { anchor: 'compendium-methodology', title: 'How to read the compendium' }],
    });
  }

  return contents;
}

/** Entries and commitments under no outcome of the plan: grouped by the report section they came from. */
function otherSections(entries: ReportEntry[], commitments: ReportInput['commitments']): OtherSection[] {
  const other: OtherSection[] = [];
  for (const e of entries) {
    const title = e.sourceSection?.trim() || 'Other achievements';
    let section = other.find((s) => s.title === title);
    if (!section) other.push((section = { anchor: anchor('other', String(other.length + 1)), title, entries: [] }));
    section.entries.push(entryView(e));
  }
  if (commitments.length) other.push({ anchor: 'other-commitments', title: 'Other commitments', entries: [], commitments: commitments.map(commitmentView) });
  return other;
}

export function buildReportModel(input: ReportInput): ReportModel {
  const visible = <T extends { workflowState: string }>(x: T) => input.draft || x.workflowState === 'published';
  const period = periodLabel(input.periodKey);
  const plan = input.plan;
  const entries = input.entries.filter((e) => visible(e) && entryInPeriod(e, input.periodKey)).sort(byPosition);
  const commitments = input.commitments.filter((c) => visible(c) && commitmentInScope(c, input.periodKey)).sort(dueOrder);

  const themeOutcome = new Map(plan.outcomes.flatMap((o) => o.themes.map((t) => [t.id, o.id] as const)));
  const outcomeOf = (e: ReportEntry) => (e.themeId && themeOutcome.get(e.themeId)) || e.outcomeId;
  // The council's narrative written for this period (or for any), in its order.
  const narrative = (input.narrative ?? []).filter((n) => n.paragraphs.length && (!n.periodKey || n.periodKey === input.periodKey)).sort(byPosition);
  const told = (outcomeId: string, themeId: string | null) => {
    const paragraphs = narrative.filter((n) => n.outcomeId === outcomeId && n.themeId === themeId).flatMap((n) => n.paragraphs);
    return paragraphs.length ? { narrative: paragraphs } : {};
  };
  const outcomes: OutcomeSection[] = [...plan.outcomes].sort(byPosition).map((o) => {
    const mine = entries.filter((e) => outcomeOf(e) === o.id);
    const themeIds = new Set(o.themes.map((t) => t.id));
    const themes = [...o.themes].sort(byPosition).map((t) => ({
      id: t.id, anchor: anchor(`theme-${o.slug}`, t.slug), title: t.title, summary: t.summary, ...told(o.id, t.id),
      entries: mine.filter((e) => e.themeId === t.id).map(entryView),
    }));
    return {
      id: o.id, anchor: anchor('outcome', o.slug), title: o.title, summary: o.summary, ...told(o.id, null),
      entries: mine.filter((e) => !e.themeId || !themeIds.has(e.themeId)).map(entryView),
      // Nothing delivered: one sentence says so, and its themes fold into it (unless they have narrative).
      ...(mine.length ? { themes } : { themes: themes.filter((t) => t.narrative), noEntries: `No delivery entries for this outcome in ${period}.` }),
      commitments: commitments.filter((c) => c.outcomeId === o.id).map(commitmentView),
    };
  });

  const placed = new Set(plan.outcomes.map((o) => o.id));
  // The council's own introduction continues the report's, under its one "Introduction" heading.
  const ownSections = narrative.filter((n) => !n.outcomeId || !placed.has(n.outcomeId))
    .map((n, i) => ({ heading: i === 0 && /^\s*introduction\s*$/i.test(n.heading ?? '') ? null : n.heading, paragraphs: n.paragraphs }));
  const other = otherSections(entries.filter((x) => { const o = outcomeOf(x); return !o || !placed.has(o); }), commitments.filter((c) => !c.outcomeId || !placed.has(c.outcomeId)));

  const finance = input.finance ? financeSection(input.finance, input.council.name, input.council.code) : null;
  const figures = [...input.financialFigures.slice().sort(byPosition).map((f) => ({ label: f.label, value: formatFigure(f.amount, f.unit), note: f.note })), ...(finance?.figures ?? [])];
  const compendium = compendiumSection(input);
  const startYear = plan.startDate.slice(0, 4);
  const endYear = plan.endDate.slice(0, 4);

  const introduction = [
    `This is ${input.council.name}'s Annual Delivery Report for ${period}. It sets out what the council and its partners delivered during the year towards the outcomes of the ${plan.title} (${startYear} to ${endYear}).`,
    compendium
      ? `The Performance Compendium at the end compares ${compendium.areaName} with ${compendium.groupLabel} on ${compendium.summary.indicators} indicators: against the council's targets, against the previous period and against the other councils in the group.`
      : `There are no performance indicator values for ${period} yet, so this report has no Performance Compendium.`,
  ];
  if (input.council.fictional) introduction.push(`${input.council.name} is a fictional council: every name, place, figure and achievement in this report is invented to show what Compendium produces.`);
  if (input.draft) introduction.push('This is a draft. It includes material that has not yet been approved for publication and must not be shared outside the council.');

  const contents = contentsOf({ figures: figures.length > 0 || Boolean(finance), outcomes, other, compendium });
  if (input.changes) contents.push({ anchor: 'what-changed', title: `What changed from ${input.changes.from.label} to ${input.changes.to.label}`, children: [] });

  return {
    meta: {
      title: `Annual Delivery Report ${period}`,
      councilName: input.council.name, councilCode: input.council.code,
      planId: plan.id, planTitle: plan.title, planSpan: `${startYear} to ${endYear}`,
      planLine: plan.title.includes(startYear) && plan.title.includes(endYear.slice(2)) ? plan.title : `${plan.title}, ${startYear} to ${endYear}`,
      periodKey: input.periodKey, periodLabel: period,
      generatedOn: input.generatedOn, generatedOnLabel: formatDate(input.generatedOn),
      status: input.draft ? 'draft' : 'published',
      brandColour: input.council.brandColour, fictional: input.council.fictional,
      methodologyUrl: input.methodologyUrl,
    },
    introduction,
    ...(ownSections.length ? { narrative: ownSections } : {}),
    keyPriorities: outcomes.map((o) => ({ anchor: o.anchor, title: o.title, summary: o.summary })),
    financial: figures.length || finance ? { heading: `Financial context, ${period}`, figures, ...(finance ? { narrative: finance.narrative, charts: finance.charts } : {}) } : null,
    outcomes,
    other,
    compendium,
    contents,
    ...(input.changes ? { changes: input.changes } : {}),
  };
}
