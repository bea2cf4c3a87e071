// The public JSON API under /api: the same published content as the pages. Each operation is served
// from its definition in api-routes.ts, which also validates its parameters, and the OpenAPI 3.1
// document at /api/openapi.json is generated from those same definitions.
import { OpenAPIHono } from '@hono/zod-openapi';
import { ValidationError } from '../errors.js';
import { periodLabel } from '../present/format.js';
import { comparePeriodKeys } from '../domain/index.js';
import type { Services } from '../services/index.js';
import { routes } from './api-routes.js';
import { commitmentView, entrySummary, hitUrl, indicatorView } from './api-views.js';
import { queryProblems } from './query.js';
import type { AppEnv } from './render.js';

const DESCRIPTION = 'Published delivery, indicators and commitments. Read-only; nothing unpublished is ever returned.';

/** The outcome a slug names in the current plan, or a ValidationError for the parameter that gave it. */
/** An outcome of the plan a period's answer reads (the plan in force in it; the current plan without one). */
async function outcomeBySlug(s: Services, slug: string | undefined, period?: string) {
  const { structure } = await s.site.structureFor(period);
  if (!slug) return undefined;
  const outcome = structure.outcomes.find((o) => o.slug === slug);
  if (!outcome) throw new ValidationError('The query is not valid', [{ field: 'outcome', message: `there is no outcome "${slug}"` }]);
  return outcome;
}

function newApi() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ValidationError('The query is not valid', queryProblems(result.error));
    },
  }).basePath('/api');
}
type Api = ReturnType<typeof newApi>;

/** An application serving the API under /api (mount it at the root), with its document at /api/openapi.json. */
export function apiRoutes(s: Services): Api {
  const api = newApi();
  api.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  });
  api.get('/openapi.json', (c) => c.json(api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: `${c.get('site').councilName}: Strategic Plan API`, version: '1', description: DESCRIPTION },
    servers: [{ url: '/' }],
  })));
  planRoutes(api, s);
  figureRoutes(api, s);
  return api;
}

/** The plan, its entries and commitments. */
function planRoutes(api: Api, s: Services): void {
  api.openapi(routes.plan, async (c) => {
    const { plan, outcomes } = (await s.site.structureFor(c.req.valid('query').period)).structure;
    return c.json({
      id: plan.id, title: plan.title, councilCode: plan.councilCode, startDate: plan.startDate, endDate: plan.endDate,
      outcomes: outcomes.map((o) => ({
        id: o.id, slug: o.slug, title: o.title, summary: o.summary, url: `/outcomes/${o.slug}`,
        themes: o.themes.map((t) => ({ id: t.id, slug: t.slug, title: t.title, summary: t.summary, url: `/outcomes/${o.slug}/${t.slug}` })),
      })),
    }, 200);
  });

  api.openapi(routes.entries, async (c) => {
    const q = c.req.valid('query');
    const outcome = await outcomeBySlug(s, q.outcome, q.period);
    if (q.theme && !outcome) throw new ValidationError('The query is not valid', [{ field: 'theme', message: 'needs outcome as well' }]);
    const theme = q.theme ? outcome!.themes.find((t) => t.slug === q.theme) : undefined;
    if (q.theme && !theme) throw new ValidationError('The query is not valid', [{ field: 'theme', message: `there is no theme "${q.theme}" under ${q.outcome}` }]);
    const r = await s.site.entries({
      outcomeId: outcome?.id, themeId: theme?.id, areaCode: q.area, placeName: q.place, periodKey: q.period,
      limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
    });
    return c.json({ total: r.total, page: q.page, pageSize: q.pageSize, entries: r.entries.map(entrySummary) }, 200);
  });

  api.openapi(routes.entry, async (c) => {
    const e = await s.site.entry(c.req.valid('param').id);
    return c.json({
      ...entrySummary(e), plan: { slug: e.plan.slug, title: e.plan.title }, body: e.body, sourceSection: e.sourceSection,
      document: e.document ? { name: e.document.name, mediaType: e.document.mediaType } : null,
      facts: e.facts.map((f) => ({ kind: f.kind, value: f.value, valueMax: f.valueMax, unit: f.unit, text: f.text, approximate: f.approximate })),
      commitments: e.commitments.map((x) => ({ id: x.id, text: x.text, dueText: x.dueText, status: x.status, statusThen: x.statusThen ?? null })),
    }, 200);
  });

  api.openapi(routes.commitments, async (c) => {
    const q = c.req.valid('query');
    const outcome = await outcomeBySlug(s, q.outcome, q.period);
    const r = await s.site.commitments({ outcomeId: outcome?.id, status: q.status, period: q.period });
    return c.json(r.commitments.map(commitmentView), 200);
  });
}

/** Indicators, the compendium, places, search and report files. */
function figureRoutes(api: Api, s: Services): void {
  api.openapi(routes.indicators, async (c) => c.json((await s.site.indicators(c.req.valid('query').period)).map(indicatorView), 200));

  api.openapi(routes.indicator, async (c) => {
    const upTo = (await s.site.structureFor(c.req.valid('query').period)).period;
    const indicator = await s.site.indicator(c.req.valid('param').code, upTo?.key);
    const values = (await s.site.observations([indicator.id])).filter((v) => !upTo || comparePeriodKeys(v.periodKey, upTo.key) <= 0);
    return c.json({
      ...indicatorView(indicator),
      values: values.map(({ periodKey, period, value, status, note, target }) => ({ periodKey, period, value, status, note, target })),
    }, 200);
  });

  api.openapi(routes.compendium, async (c) => {
    const q = c.req.valid('query');
    const outcome = await outcomeBySlug(s, q.outcome, q.period);
    const r = await s.site.compendium({ period: q.period || undefined, group: q.group || undefined, outcomeId: outcome?.id });
    return c.json({
      area: r.area, group: r.group, periodKey: r.periodKey, period: periodLabel(r.periodKey), summary: r.summary,
      rows: r.rows.map((x) => ({
        code: x.indicator.code, title: x.indicator.title, unit: x.indicator.unit, decimalPlaces: x.indicator.decimalPlaces, polarity: x.indicator.polarity,
        value: x.value, status: x.status, target: x.target?.value ?? null, rag: x.rag, directionPrevious: x.directionPrevious,
        directionYearEarlier: x.directionYearEarlier, rank: x.rank, groupN: x.group.n, quartileBand: x.quartileBand,
        median: x.group.median, q1: x.group.q1, q3: x.group.q3, madDeviation: x.madDeviation, trend: x.trend,
        url: `/indicators/${encodeURIComponent(x.indicator.code)}?period=${encodeURIComponent(r.periodKey)}`,
      })),
    }, 200);
  });

  api.openapi(routes.places, async (c) => {
    const p = await s.site.places(c.req.valid('query').period);
    return c.json({
      periodKey: p.scope.key, period: p.scope.label, plan: { slug: p.scope.planSlug, title: p.scope.structure.plan.title }, note: p.scope.note ?? null,
      districts: p.districts.map((d) => ({ code: d.code, name: d.shortName, entries: d.entries, url: `/places/${d.code}?period=${p.scope.key}` })),
      places: p.places.map((x) => ({ name: x.name, areaCode: x.areaCode, entries: x.entries, url: `/places/named/${encodeURIComponent(x.name)}?period=${p.scope.key}` })),
    }, 200);
  });

  api.openapi(routes.search, async (c) => {
    const q = c.req.valid('query');
    const r = await s.site.search(q.q, q.limit, q.period);
    return c.json({
      query: r.query, total: r.total, periodKey: r.period?.key ?? null,
      hits: r.hits.map((h) => ({ type: h.type, id: h.id, key: h.key, url: hitUrl(h), title: h.title, snippet: h.snippet, periodKey: h.periodKey })),
    }, 200);
  });

  api.openapi(routes.reports, async (c) => c.json((await s.site.reports()).flatMap((r) => r.files.map((f) => ({
    id: f.id, periodKey: r.periodKey, format: f.format, fileName: f.fileName, mediaType: f.mediaType, size: f.size,
    url: `/reports/${encodeURIComponent(f.id)}/${encodeURIComponent(f.fileName)}`,
  }))), 200));
}
