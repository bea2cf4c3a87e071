// Performance pages: the compendium table (a period, a comparison group, an outcome; sortable by
// links) and one page per indicator with its figures, trend and benchmark charts, tables and CSV.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../errors.js';
import { renderChart } from '../reports/charts/index.js';
import { positionSpec, shortGroupLabel, sourceLine, trendSpec } from '../reports/model/chart-specs.js';
import { periodLabel, roundAt } from '../present/format.js';
import { DIRECTION_LABELS, POLARITY_LABELS, RAG_LABELS, TREND_LABELS } from '../present/labels.js';
import { coverageText, indicatorGroup, missingReason, summarySentences, tableCoverageText } from '../reports/model/indicator-groups.js';
import { toCsv } from '../present/csv.js';
import type { Services } from '../services/index.js';
import { parseQuery } from './query.js';
import { parseSort, rowView, sortRows, SORTS, type SortKey } from './performance-view.js';
import { page, type AppEnv } from './render.js';
import { periodQuery, periodView } from './period-view.js';
import { comparePeriodKeys } from '../domain/index.js';

const FREQUENCY_LABELS: Record<string, string> = {
  'annual-financial': 'Every financial year', 'annual-academic': 'Every academic year', 'annual-calendar': 'Every calendar year',
  quarterly: 'Every quarter', monthly: 'Every month', snapshot: 'Occasionally (a snapshot)',
};

const PeriodGroup = z.object({
  period: z.string().max(40).regex(/^[A-Za-z0-9 /-]*$/, 'must be a period such as 2023/24 or FY2023-24').optional(),
  group: z.string().max(80).regex(/^[A-Za-z0-9_.:-]*$/, 'must be a comparison group name').optional(),
});
const CompendiumQuery = PeriodGroup.extend({
  outcome: z.string().max(100).regex(/^[a-z0-9-]*$/, 'must be an outcome slug').optional(),
  sort: z.string().optional(),
  dir: z.string().optional(),
}).strict();

/** The group and period choices, and the compendium table's data for a request. */
function performanceRoutesContext(s: Services) {

  /** Group choices: the built-in groups that can be named as they are, and every stored group. */
  const groupItems = async (selected: string | undefined, current: { name: string; label: string }) => {
    const groups = (await s.groups.list()).filter((g) => !g.name.includes('<'));
    if (!groups.some((g) => g.name === current.name)) groups.unshift({ name: current.name, kind: 'custom', description: current.label, size: 0 });
    return groups.map((g) => ({ value: g.name, text: shortGroupLabel(g.name === current.name ? current.label : g.description), selected: g.name === (selected ?? current.name) }));
  };
  // The periods with values, and the one shown when it has none (a year with delivery only), so the choice names it.
  const periodItems = async (selected: string) => {
    const keys = await s.site.periods();
    return (keys.includes(selected) ? keys : [selected, ...keys]).map((k) => ({ value: k, text: periodLabel(k), selected: k === selected }));
  };

  async function compendiumData(c: Context<AppEnv>) {
    const q = parseQuery(CompendiumQuery, c.req.query());
    const { sort, dir } = parseSort(q.sort, q.dir);
    // The outcomes of the plan in force in the period asked for (the current plan's by default).
    const { structure } = await s.site.structureFor(q.period || undefined);
    const outcome = q.outcome ? structure.outcomes.find((o) => o.slug === q.outcome) : undefined;
    if (q.outcome && !outcome) throw new ValidationError('The filter is not valid', [{ field: 'outcome', message: `there is no outcome "${q.outcome}"` }]);
    const compendium = await s.site.compendium({ period: q.period || undefined, group: q.group || undefined, outcomeId: outcome?.id });
    // Each row under its outcome, or for one under none, its source or topic (as the report groups them).
    const period = periodLabel(compendium.periodKey);
    const groupOf = new Map(compendium.rows.map((r) => [r.indicator.code, indicatorGroup(r.indicator, structure.outcomes)]));
    const byCode = new Map(compendium.rows.map((r) => [r.indicator.code, r]));
    const rows = sortRows(compendium.rows.map(rowView), sort, dir).map((r) => {
      const row = byCode.get(r.code)!;
      return {
        ...r, groupTitle: groupOf.get(r.code)!.title, groupKind: groupOf.get(r.code)!.kind,
        coverage: coverageText(row, period),
        missingReason: missingReason(row, { areaName: compendium.area.name, periodLabel: period, previousLabel: periodLabel(row.previous.periodKey) }),
      };
    });
    const facts = {
      sentences: summarySentences(compendium.summary, { areaName: compendium.area.name, periodLabel: period, groupLabel: shortGroupLabel(compendium.group.label), members: compendium.group.members }),
      coverage: tableCoverageText(compendium.rows, period),
      missing: rows.filter((r) => r.missingReason !== null).map((r) => ({ code: r.code, title: r.title, reason: r.missingReason! })),
    };
    return { q, sort, dir, structure, outcome, compendium, rows, facts };
  }
  return { groupItems, periodItems, compendiumData };
}

type PerformanceRoutesContext = ReturnType<typeof performanceRoutesContext>;

/** The compendium table and its CSV. */
function compendiumPages(app: Hono<AppEnv>, s: Services, context: PerformanceRoutesContext): void {
  const { groupItems, periodItems, compendiumData } = context;
  app.get('/compendium', async (c) => {
    const { q, sort, dir, structure, outcome, compendium, rows, facts } = await compendiumData(c);
    const base = { period: compendium.periodKey, group: compendium.group.name, outcome: outcome?.slug };
    const link = (params: Record<string, string | undefined>) => `/compendium?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString()}`;
    const columns = (Object.keys(SORTS) as SortKey[]).map((key) => {
      const active = key === sort;
      const nextDir = active && dir === 'asc' ? 'desc' : 'asc';
      return { key, label: SORTS[key].label, href: link({ ...base, sort: key, dir: nextDir }), ariaSort: active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none', active, nextDir };
    });
    return page(c, 'compendium.njk', {
      title: `Performance compendium, ${periodLabel(compendium.periodKey)}`,
      pv: periodView(await s.site.periodScope(compendium.periodKey), '/compendium', { group: q.group, outcome: q.outcome }),
      compendium: { ...compendium, group: { ...compendium.group, label: shortGroupLabel(compendium.group.label) } }, rows, columns, outcome, facts,
      periodText: periodLabel(compendium.periodKey),
      outcomeItems: [{ value: '', text: 'All outcomes' }, ...structure.outcomes.map((o) => ({ value: o.slug, text: o.title, selected: o.slug === q.outcome }))],
      groupItems: await groupItems(q.group || undefined, compendium.group),
      periodItems: await periodItems(compendium.periodKey),
      csvHref: link({ ...base, sort, dir }).replace('/compendium?', '/compendium.csv?'),
    });
  });

  app.get('/compendium.csv', async (c) => {
    const { compendium, rows } = await compendiumData(c);
    // Figures at the indicator's stated precision; codes in their own columns, words beside them.
    const byCode = new Map(compendium.rows.map((x) => [x.indicator.code, x]));
    const csv = toCsv(rows.map((r) => {
      const row = byCode.get(r.code)!;
      const dp = row.indicator.decimalPlaces;
      return {
        indicator: r.code, title: r.title, grouped_under: r.groupTitle, grouped_by: r.groupKind, period: r.periodKey, value: roundAt(row.value, dp) ?? '',
        target: roundAt(row.target?.value ?? null, dp) ?? '', rag: r.rag, rag_label: RAG_LABELS[r.rag].label, direction_previous: r.directionPrevious,
        direction_label: DIRECTION_LABELS[r.directionPrevious].label, direction_year_earlier: r.directionYearEarlier, rank: r.rank ?? '', group_n: r.n,
        group_members: r.group.members, quartile: r.quartileBand ?? '', trend: r.trend, trend_label: TREND_LABELS[r.trend].label,
        group_median: roundAt(r.group.median, dp) ?? '', group: compendium.group.label, coverage: r.coverage, missing_reason: r.missingReason ?? '',
      };
    }));
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="compendium-${compendium.periodKey}.csv"` });
  });
}

/** An indicator's page and its CSV downloads. */
function indicatorPages(app: Hono<AppEnv>, s: Services, context: PerformanceRoutesContext): void {
  const { groupItems } = context;
  app.get('/indicators', (c) => c.redirect('/compendium', 301));

  async function indicatorData(c: Context<AppEnv>) {
    const q = parseQuery(PeriodGroup.strict(), c.req.query());
    // A period as people write it ("2019/20") is read as its key, so that the series can end there.
    const period = q.period ? (await s.site.structureFor(q.period)).period?.key : undefined;
    const perf = await s.site.indicatorPerformance(c.req.param('code') ?? '', { period, group: q.group || undefined });
    return { q, ...perf };
  }

  app.get('/indicators/:code', async (c) => {
    const { q, indicator, row, history, peers, group, area } = await indicatorData(c);
    const settings = c.get('site');
    const groupLabel = group ? shortGroupLabel(group.label) : '';
    const source = sourceLine(indicator.source ?? `${settings.councilName} performance data`, row ? `${groupLabel}, ${periodLabel(row.periodKey)}` : '');
    const chartOptions = { brandColour: settings.brandColour, headingLevel: 3 as const };
    const shortName = peers.find((p) => p.code === area?.code)?.name ?? area?.name ?? '';
    const trend = history && row ? trendSpec(history, row, source, shortName, groupLabel) : null;
    const position = row && area && group ? positionSpec(row, area.code, area.name, groupLabel, peers, source) : null;
    const breadcrumbs = [{ text: 'Home', href: '/' }, ...(indicator.outcomeSlug ? [{ text: indicator.outcomeTitle ?? '', href: `/outcomes/${indicator.outcomeSlug}${q.period ? periodQuery(q.period) : ''}` }] : []), { text: 'Performance', href: '/compendium' }];
    const own = `/indicators/${encodeURIComponent(indicator.code)}`;
    const keep = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1]))).toString();
    const scope = row || q.period ? await s.site.periodScope(row?.periodKey ?? q.period) : undefined;
    return page(c, 'indicator.njk', {
      title: indicator.title,
      pv: scope ? periodView(scope, own, { group: q.group }) : undefined,
      indicator,
      row: row ? rowView(row) : undefined,
      commentary: row ? (await s.site.observations([indicator.id])).find((o) => o.periodKey === row.periodKey)?.commentary ?? null : null,
      group: group ? { ...group, label: groupLabel } : undefined, area,
      polarityLabel: POLARITY_LABELS[indicator.polarity as keyof typeof POLARITY_LABELS] ?? indicator.polarity,
      frequencyLabel: FREQUENCY_LABELS[indicator.frequency] ?? indicator.frequency,
      trendChart: trend ? renderChart(trend, chartOptions) : null,
      positionChart: position ? renderChart(position, chartOptions) : null,
      groupItems: group ? await groupItems(q.group || undefined, group) : [],
      periodItems: history ? indicatorPeriodItems(history.points.map((p) => p.periodKey), row?.periodKey) : [],
      historyCsv: `${own}/history.csv${keep ? `?${keep}` : ''}`,
      benchmarkCsv: `${own}/benchmark.csv${keep ? `?${keep}` : ''}`,
      formAction: own,
      breadcrumbs,
    });
  });

  app.get('/indicators/:code/:file{(?:history|benchmark)\\.csv}', async (c) => {
    const { indicator, row, history, peers, area } = await indicatorData(c);
    const f = (v: number | null) => v ?? '';
    let rows: Record<string, unknown>[];
    if (c.req.param('file') === 'history.csv') {
      if (!history) throw new NotFoundError('History', indicator.code);
      rows = history.points.map((p) => ({ period_key: p.periodKey, period: periodLabel(p.periodKey), value: f(p.value), target: f(p.target), group_n: p.n, group_median: f(p.median), group_q1: f(p.q1), group_q3: f(p.q3) }));
    } else {
      if (!row) throw new NotFoundError('Benchmark', indicator.code);
      rows = peers.map((p) => ({ area_code: p.code, area: p.name, period_key: row.periodKey, value: f(p.value), this_council: p.code === area?.code ? 'yes' : '' }));
    }
    return c.body(toCsv(rows), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${indicator.code}-${c.req.param('file')}"` });
  });
}

export function performanceRoutes(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const context = performanceRoutesContext(s);
  compendiumPages(app, s, context);
  indicatorPages(app, s, context);
  return app;
}

/** The periods of an indicator's series, newest first, and the one shown even when no council has a value in it (so the choice names it). */
function indicatorPeriodItems(keys: string[], shown: string | undefined) {
  const list = shown && !keys.includes(shown) ? [...keys, shown].sort(comparePeriodKeys) : keys;
  return [...list].reverse().map((k) => ({ value: k, text: periodLabel(k), selected: k === shown }));
}
