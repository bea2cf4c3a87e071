// The public JSON API under /api: the same published content as the pages, described by an OpenAPI
// 3.1 document at /api/openapi.json built from the response schemas in api-schemas.ts.
import { Hono } from 'hono';
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { COMMITMENT_LABELS } from '../present/labels.js';
import type { Services } from '../services/index.js';
import { periodLabel } from '../present/format.js';
import { type PlanIndicatorRow, type PublicCommitmentRow, type PublicEntryRow } from '../services/site.js';
import { apiRegistry } from './api-schemas.js';
import type { AppEnv } from './render.js';

const ref = (slug: string | null, title: string | null) => (slug && title ? { slug, title } : null);

export const entrySummary = (e: PublicEntryRow) => ({
  id: e.id, kind: e.kind, title: e.title, date: e.date, periodKey: e.periodKey, service: e.service, status: e.status,
  outcome: ref(e.outcomeSlug, e.outcomeTitle), theme: ref(e.themeSlug, e.themeTitle), places: e.places, partners: e.partners,
  url: `/entries/${encodeURIComponent(e.id)}`,
});

export const commitmentView = (c: PublicCommitmentRow) => ({
  id: c.id, text: c.text, dueText: c.dueText, dueStart: c.dueStart, dueEnd: c.dueEnd, status: c.status,
  statusLabel: (COMMITMENT_LABELS as Record<string, string>)[c.status] ?? c.status,
  outcome: ref(c.outcomeSlug, c.outcomeTitle), entryId: c.entryId, evidence: c.evidence,
});

export const indicatorView = (i: PlanIndicatorRow) => ({
  code: i.code, title: i.title, unit: i.unit, decimalPlaces: i.decimalPlaces, polarity: i.polarity, frequency: i.frequency,
  source: i.source, definition: i.definition, outcome: ref(i.outcomeSlug, i.outcomeTitle), theme: i.themeTitle,
  url: `/indicators/${encodeURIComponent(i.code)}`,
});

/** Parses query parameters with a schema; a failure is a ValidationError naming each parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, query: Record<string, string>): z.infer<T> {
  const r = schema.safeParse(query);
  if (!r.success) throw new ValidationError('The query is not valid', r.error.issues.map((i) => ({ field: i.path.join('.') || 'query', message: i.message })));
  return r.data;
}

const slug = z.string().max(100).regex(/^[a-z0-9-]+$/, 'must be a slug: lower-case letters, digits and dashes');
const EntryQuery = z.object({
  outcome: slug.optional(),
  theme: slug.optional(),
  area: z.string().max(20).regex(/^[A-Z0-9]+$/, 'must be an area code such as E07000133').optional(),
  place: z.string().min(1).max(200).optional(),
  period: z.string().max(20).regex(/^[A-Z0-9-]+$/, 'must be a period key such as FY2024-25').optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
}).strict();
const CommitmentQuery = z.object({ outcome: slug.optional(), status: z.enum(['open', 'delivered', 'late', 'dropped', 'unknown']).optional() }).strict();
const CompendiumApiQuery = z.object({
  period: z.string().max(40).regex(/^[A-Za-z0-9 /-]*$/, 'must be a period such as 2023/24 or FY2023-24').optional(),
  group: z.string().max(80).regex(/^[A-Za-z0-9_.:-]*$/, 'must be a comparison group name').optional(),
  outcome: slug.optional(),
}).strict();
const SearchQuery = z.object({ q: z.string().max(200), limit: z.coerce.number().int().min(1).max(100).default(50) }).strict();

interface Operation {
  path: string;
  summary: string;
  schema: string;
  parameters?: { name: string; in: 'query' | 'path'; required?: boolean; description: string; schema: Record<string, unknown> }[];
  list?: boolean;
}

const str = { type: 'string' };
export const API_OPERATIONS: Operation[] = [
  { path: '/api/plan', summary: 'The Strategic Plan, its outcomes and themes', schema: 'Plan' },
  {
    path: '/api/entries', summary: 'Published entries, newest first', schema: 'EntryList',
    parameters: [
      { name: 'outcome', in: 'query', description: "Outcome slug", schema: str },
      { name: 'theme', in: 'query', description: 'Theme slug (with outcome)', schema: str },
      { name: 'area', in: 'query', description: 'Area code of a district', schema: str },
      { name: 'place', in: 'query', description: 'Name of a town, village or site', schema: str },
      { name: 'period', in: 'query', description: 'Reporting period key, such as FY2024-25', schema: str },
      { name: 'page', in: 'query', description: 'Page number from 1', schema: { type: 'integer', minimum: 1, default: 1 } },
      { name: 'pageSize', in: 'query', description: 'Entries a page, up to 200', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
    ],
  },
  { path: '/api/entries/{id}', summary: 'One published entry', schema: 'Entry', parameters: [{ name: 'id', in: 'path', required: true, description: 'Entry id', schema: str }] },
  {
    path: '/api/commitments', summary: 'Published commitments', schema: 'Commitment', list: true,
    parameters: [
      { name: 'outcome', in: 'query', description: 'Outcome slug', schema: str },
      { name: 'status', in: 'query', description: 'Status', schema: { type: 'string', enum: ['open', 'delivered', 'late', 'dropped', 'unknown'] } },
    ],
  },
  { path: '/api/indicators', summary: "The plan's indicators", schema: 'Indicator', list: true },
  { path: '/api/indicators/{code}', summary: "An indicator with the council's published values", schema: 'IndicatorDetail', parameters: [{ name: 'code', in: 'path', required: true, description: 'Indicator code', schema: str }] },
  {
    path: '/api/compendium', summary: 'Every indicator for a period against a comparison group', schema: 'Compendium',
    parameters: [
      { name: 'period', in: 'query', description: 'Period, such as 2023/24 or FY2023-24 (default: the newest with values)', schema: str },
      { name: 'group', in: 'query', description: "Comparison group name (default: the workspace's)", schema: str },
      { name: 'outcome', in: 'query', description: 'Outcome slug', schema: str },
    ],
  },
  { path: '/api/places', summary: 'Published entries by district and named place', schema: 'Places' },
  {
    path: '/api/search', summary: 'Search published entries, indicators and commitments', schema: 'SearchResults',
    parameters: [
      { name: 'q', in: 'query', required: true, description: 'Words to find; "quotes" for a phrase, -word to leave one out', schema: str },
      { name: 'limit', in: 'query', description: 'Most hits to return, up to 100', schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
    ],
  },
  { path: '/api/reports', summary: 'Published report files', schema: 'Report', list: true },
];

/** The OpenAPI 3.1 document: operations above, schemas generated from the zod registry. */
export function openApiDocument(info: { councilName: string; operations?: Operation[] }): Record<string, unknown> {
  const generated = z.toJSONSchema(apiRegistry, { uri: (id) => `#/components/schemas/${id}` }).schemas;
  const schemas = Object.fromEntries(Object.entries(generated).map(([id, s]) => {
    const { $schema: _s, $id: _i, ...rest } = s as Record<string, unknown>;
    return [id, rest];
  }));
  const paths: Record<string, unknown> = {};
  for (const op of info.operations ?? API_OPERATIONS) {
    const body = { $ref: `#/components/schemas/${op.schema}` };
    const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
    paths[op.path] = {
      get: {
        summary: op.summary,
        operationId: op.path.replace(/^\/api\//, '').replace(/[{}]/g, '').replace(/\/(.)/g, (_, c: string) => c.toUpperCase()),
        ...(op.parameters ? { parameters: op.parameters } : {}),
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: op.list ? { type: 'array', items: body } : body } } },
          400: error('A parameter is not valid'),
          ...(op.path.includes('{') ? { 404: error('Not found or not published') } : {}),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${info.councilName}: Strategic Plan API`,
      version: '1',
      description: 'Published delivery, indicators and commitments. Read-only; nothing unpublished is ever returned.',
    },
    servers: [{ url: '/' }],
    paths,
    components: { schemas },
  };
}

export function apiRoutes(s: Services): Hono<AppEnv> {
  const api = new Hono<AppEnv>();
  api.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  });

  api.get('/openapi.json', (c) => c.json(openApiDocument({ councilName: c.get('site').councilName })));

  api.get('/plan', async (c) => {
    const { plan, outcomes } = await s.site.requireStructure();
    return c.json({
      id: plan.id, title: plan.title, councilCode: plan.councilCode, startDate: plan.startDate, endDate: plan.endDate,
      outcomes: outcomes.map((o) => ({
        id: o.id, slug: o.slug, title: o.title, summary: o.summary, url: `/outcomes/${o.slug}`,
        themes: o.themes.map((t) => ({ id: t.id, slug: t.slug, title: t.title, summary: t.summary, url: `/outcomes/${o.slug}/${t.slug}` })),
      })),
    });
  });

  api.get('/entries', async (c) => {
    const q = parseQuery(EntryQuery, c.req.query());
    const structure = await s.site.requireStructure();
    const outcome = q.outcome ? structure.outcomes.find((o) => o.slug === q.outcome) : undefined;
    if (q.outcome && !outcome) throw new ValidationError('The query is not valid', [{ field: 'outcome', message: `there is no outcome "${q.outcome}"` }]);
    if (q.theme && !outcome) throw new ValidationError('The query is not valid', [{ field: 'theme', message: 'needs outcome as well' }]);
    const theme = q.theme ? outcome!.themes.find((t) => t.slug === q.theme) : undefined;
    if (q.theme && !theme) throw new ValidationError('The query is not valid', [{ field: 'theme', message: `there is no theme "${q.theme}" under ${q.outcome}` }]);
    const r = await s.site.entries({
      outcomeId: outcome?.id, themeId: theme?.id, areaCode: q.area, placeName: q.place, periodKey: q.period,
      limit: q.pageSize, offset: (q.page - 1) * q.pageSize,
    });
    return c.json({ total: r.total, page: q.page, pageSize: q.pageSize, entries: r.entries.map(entrySummary) });
  });

  api.get('/entries/:id', async (c) => {
    const e = await s.site.entry(c.req.param('id'));
    return c.json({
      ...entrySummary(e), body: e.body, sourceSection: e.sourceSection,
      document: e.document ? { name: e.document.name, mediaType: e.document.mediaType } : null, facts: e.facts, commitments: e.commitments,
    });
  });

  api.get('/commitments', async (c) => {
    const q = parseQuery(CommitmentQuery, c.req.query());
    const structure = await s.site.requireStructure();
    const outcome = q.outcome ? structure.outcomes.find((o) => o.slug === q.outcome) : undefined;
    if (q.outcome && !outcome) throw new ValidationError('The query is not valid', [{ field: 'outcome', message: `there is no outcome "${q.outcome}"` }]);
    const r = await s.site.commitments({ outcomeId: outcome?.id, status: q.status });
    return c.json(r.commitments.map(commitmentView));
  });

  api.get('/indicators', async (c) => c.json((await s.site.indicators()).map(indicatorView)));

  api.get('/indicators/:code', async (c) => {
    const indicator = await s.site.indicator(c.req.param('code'));
    const values = await s.site.observations([indicator.id]);
    return c.json({ ...indicatorView(indicator), values: values.map(({ periodKey, period, value, status, note, target }) => ({ periodKey, period, value, status, note, target })) });
  });

  api.get('/compendium', async (c) => {
    const q = parseQuery(CompendiumApiQuery, c.req.query());
    const structure = await s.site.requireStructure();
    const outcome = q.outcome ? structure.outcomes.find((o) => o.slug === q.outcome) : undefined;
    if (q.outcome && !outcome) throw new ValidationError('The query is not valid', [{ field: 'outcome', message: `there is no outcome "${q.outcome}"` }]);
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
    });
  });

  api.get('/places', async (c) => {
    const p = await s.site.places();
    return c.json({
      districts: p.districts.map((d) => ({ code: d.code, name: d.shortName, entries: d.entries, url: `/places/${d.code}` })),
      places: p.places.map((x) => ({ name: x.name, areaCode: x.areaCode, entries: x.entries, url: `/places/named/${encodeURIComponent(x.name)}` })),
    });
  });

  api.get('/search', async (c) => {
    const q = parseQuery(SearchQuery, c.req.query());
    const r = await s.site.search(q.q, q.limit);
    return c.json({ query: r.query, total: r.total, hits: r.hits.map((h) => ({ ...h, url: hitUrl(h) })) });
  });

  api.get('/reports', async (c) => c.json((await s.site.reports()).map((r) => ({ ...r, createdAt: undefined, url: `/reports/${encodeURIComponent(r.id)}/${encodeURIComponent(r.fileName)}` }))));

  return api;
}

/** Where a search hit lives on the site. */
export function hitUrl(h: { type: string; id: string; key: string | null }): string {
  if (h.type === 'entry') return `/entries/${encodeURIComponent(h.id)}`;
  if (h.type === 'indicator') return `/indicators/${encodeURIComponent(h.key ?? '')}`;
  return `/commitments${h.key ? `?outcome=${encodeURIComponent(h.key)}` : ''}`;
}
