// The staff dashboard's charts: where each outcome's indicators stand against target, whose reporting
// is due or overdue, and which commitments fall due soon. Each is a bar chart with its data table
// (src/reports/charts), so the figures are there in words as well as drawn.
import { RAGS, type CompendiumRow } from '../../domain/index.js';
import type { BarChartSpec } from '../../reports/model/types.js';
import { RAG_LABELS } from '../../present/labels.js';
import { formatMonth } from '../../present/format.js';
import { renderChart } from '../../reports/charts/index.js';
import type { Services } from '../../services/index.js';
import type { Actor } from '../../services/policy.js';

interface DutyLike { ownerName: string | null; state: string }
interface CommitmentLike { dueStart: string | null; dueEnd: string | null; status: string }

/** Missed targets by outcome, with every RAG count in the table. */
export function ragByOutcome(rows: CompendiumRow[], outcomes: { id: string; title: string }[]): BarChartSpec | null {
  if (!rows.length) return null;
  const counts = outcomes.map((o) => {
    const mine = rows.filter((r) => r.indicator.outcomeId === o.id);
    return { title: o.title, n: Object.fromEntries(RAGS.map((k) => [k, mine.filter((r) => r.rag === k).length])) as Record<string, number> };
  });
  const red = counts.reduce((a, c) => a + c.n.red, 0);
  return {
    kind: 'bars', id: 'chart-rag-by-outcome', unitLabel: 'Indicators', counts: true,
    title: red ? `${red} indicator${red === 1 ? '' : 's'} missed target, by outcome` : 'No indicator missed its target',
    description: 'Each bar is the number of an outcome’s indicators that missed target (red) in their latest period; the table gives every status.',
    source: 'Source: the council’s published indicator values and targets.',
    bars: counts.map((c) => ({ label: c.title, value: c.n.red, valueText: String(c.n.red), series: 'primary' })),
    table: { caption: 'Indicators by outcome and status against target', head: ['Outcome', ...RAGS.map((k) => RAG_LABELS[k].label)], rows: counts.map((c) => [c.title, ...RAGS.map((k) => String(c.n[k]))]) },
  };
}

/** Open reporting duties by owner: overdue (stale included) drawn, due and overdue in the table. */
export function dutiesByOwner(duties: DutyLike[]): BarChartSpec | null {
  const open = duties.filter((d) => d.state !== 'done');
  if (!open.length) return null;
  const owners = [...new Set(open.map((d) => d.ownerName ?? 'No owner'))].sort();
  const rows = owners.map((o) => {
    const mine = open.filter((d) => (d.ownerName ?? 'No owner') === o);
    const overdue = mine.filter((d) => d.state === 'overdue' || d.state === 'stale').length;
    return { owner: o, due: mine.length - overdue, overdue };
  });
  const overdue = rows.reduce((a, r) => a + r.overdue, 0);
  return {
    kind: 'bars', id: 'chart-duties-by-owner', unitLabel: 'Overdue duties', counts: true,
    title: overdue ? `${overdue} reporting dut${overdue === 1 ? 'y is' : 'ies are'} overdue` : 'No reporting duty is overdue',
    description: 'Each bar is the number of a person’s values or updates past their due date; the table adds those not yet due.',
    source: 'Source: the reporting calendar.',
    bars: rows.map((r) => ({ label: r.owner, value: r.overdue, valueText: String(r.overdue), series: 'primary' })),
    table: { caption: 'Open reporting duties by owner', head: ['Owner', 'Due', 'Overdue'], rows: rows.map((r) => [r.owner, String(r.due), String(r.overdue)]) },
  };
}

/** Open commitments falling due in each of the next twelve months from `today`. */
export function commitmentsFallingDue(commitments: CommitmentLike[], today: string): BarChartSpec | null {
  const start = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  const months = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1)).toISOString().slice(0, 7));
  const open = commitments.filter((c) => c.status === 'open' || c.status === 'unknown' || c.status === 'late');
  const counts = months.map((m) => open.filter((c) => (c.dueEnd ?? c.dueStart ?? '').slice(0, 7) === m).length);
  const total = counts.reduce((a, b) => a + b, 0);
  if (!total) return null;
  const label = (m: string) => formatMonth(`${m}-01`);
  return {
    kind: 'bars', id: 'chart-commitments-due', unitLabel: 'Commitments', counts: true,
    title: `${total} open commitment${total === 1 ? '' : 's'} fall${total === 1 ? 's' : ''} due in the next 12 months`,
    description: 'Each bar is the number of open commitments whose due date ends in that month.',
    source: 'Source: the commitments register.',
    bars: months.map((m, i) => ({ label: label(m), value: counts[i], valueText: String(counts[i]), series: 'primary' })),
    table: { caption: 'Open commitments by the month they fall due', head: ['Month', 'Commitments'], rows: months.map((m, i) => [label(m), String(counts[i])]) },
  };
}

/**
 * Drawn charts by what they show: drawing one takes tens of milliseconds of CPU while the figures
 * behind it change only when someone writes, so the same spec is drawn once. Kept small.
 */
const drawn = new Map<string, string>();
function drawOnce(spec: BarChartSpec, brandColour: string): string {
  const key = JSON.stringify([spec, brandColour]);
  let html = drawn.get(key);
  if (html === undefined) {
    html = renderChart(spec, { brandColour, headingLevel: 3 });
    drawn.set(key, html);
    while (drawn.size > 32) drawn.delete(drawn.keys().next().value as string);
  } else {
    drawn.delete(key);
    drawn.set(key, html);
  }
  return html;
}

/**
 * The standing against target by outcome, kept per workspace under its data version (any audited
 * change, any setting, the day: what the public pages are cached under too). Working it out reads
 * the plan and every indicator of it, far more than the one small query the version costs.
 */
const standing = new WeakMap<Services, { version: string; spec: Promise<BarChartSpec | null> }>();
async function standingByOutcome(s: Services): Promise<BarChartSpec | null> {
  const { key: version } = await s.site.version();
  const kept = standing.get(s);
  if (kept?.version === version) return kept.spec;
  const spec = (async () => {
    const structure = await s.plans.structure().catch(() => undefined);
    const snapshot = await s.site.performanceSnapshot().catch(() => undefined);
    return ragByOutcome(snapshot?.rows ?? [], structure?.outcomes ?? []);
  })();
  standing.set(s, { version, spec });
  spec.catch(() => standing.delete(s));
  return spec;
}

/** The dashboard's figures as HTML, the ones with something to show; given the duties and commitments the page has read already. */
export async function dashboardCharts(s: Services, actor: Actor, brandColour: string, read: { duties?: DutyLike[]; commitments?: CommitmentLike[] } = {}): Promise<string[]> {
  const specs = [
    await standingByOutcome(s),
    dutiesByOwner(read.duties ?? (await s.duties.list(actor))),
    commitmentsFallingDue(read.commitments ?? (await s.commitments.list(actor)), new Date().toISOString().slice(0, 10)),
  ];
  return specs.filter((x): x is BarChartSpec => x !== null).map((spec) => drawOnce(spec, brandColour));
}
