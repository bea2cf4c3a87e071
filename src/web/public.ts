// The public site's pages: no sign-in, only published content, complete without JavaScript.
import { Hono, type Context } from 'hono';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Services } from '../services/index.js';
import { indicatorsTalkedAbout } from '../services/site/entry-indicators.js';
import { PAGE_SIZE, type PlanIndicatorRow, type PublicEntryRow } from '../services/site.js';
import { rowView, type RowView } from './performance-view.js';
import { COMMITMENT_LABELS, QUARTILE_LABELS, RAG_LABELS } from '../present/labels.js';
import { formatPeriod, periodFromKey, type QuartileBand, type Rag } from '../domain/index.js';
import { hitUrl } from './api-views.js';
import { markdownToHtml, plainExcerpt } from '../present/markdown.js';
import { pageNumber, pagination } from './pagination.js';
import { page, type AppEnv } from './render.js';
import { periodQuery, periodView } from './period-view.js';

const COMMITMENT_STATUS: Record<string, string> = COMMITMENT_LABELS;

const withExcerpts = (entries: PublicEntryRow[]) => entries.map((e) => ({ ...e, excerpt: plainExcerpt(e.body) }));

/** A page past the last one is not found (unless there is nothing at all, which page 1 says). */
function paged(c: Context<AppEnv>, total: number, current: number) {
  const p = pagination(c.req.path, c.req.query(), total, PAGE_SIZE, current);
  if (current > p.pages) throw new NotFoundError('Page', String(current));
  return p;
}

const FORMAT_LABELS: Record<string, string> = { html: 'Web page (HTML)', pdf: 'PDF', docx: 'Word (DOCX)', md: 'Markdown', csv: 'CSV', json: 'JSON' };
const sizeLabel = (bytes: number) => (bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export const DATASETS = [
  { name: 'entries', title: 'Published entries: what the council has done' },
  { name: 'indicators', title: 'Indicators: definitions, sources and polarity' },
  { name: 'values', title: "Indicator values for the council, with targets" },
  { name: 'commitments', title: 'Commitments: what was promised, when, and its status' },
];

/** The plan indicators with their latest figures, for outcome and theme pages. */
function publicRoutesContext(s: Services) {

  /** The indicators with their latest row from the performance snapshot, for outcome and theme pages. */
  const withRows = async (indicators: PlanIndicatorRow[]) => {
    const snapshot = indicators.length ? await s.site.performanceSnapshot() : undefined;
    const byId = new Map(snapshot?.rows.map((r) => [r.indicator.id, r]) ?? []);
    // Without a value, an indicator is missing only once one was due (its period ended, its due date passed).
    const due = indicators.some((i) => !byId.has(i.id)) ? await s.duties.indicatorValuesDue() : new Map<string, string>();
    return indicators.map((i) => {
      const row = byId.get(i.id);
      return { ...i, row: row ? rowView(row) : null, dueSince: row ? null : due.get(i.id) ?? null };
    });
  };
  return { withRows };
}

type PublicRoutesContext = ReturnType<typeof publicRoutesContext>;

/** Outcome, theme and entry pages. */
function outcomePages(app: Hono<AppEnv>, s: Services, context: PublicRoutesContext): void {
  const { withRows } = context;
  app.get('/outcomes', (c) => c.redirect('/', 301));

  app.get('/outcomes/:slug', async (c) => {
    const current = pageNumber(c.req.query('page'));
    // The home page's counts link here: entries of one year, indicators of one status or quartile.
    const year = periodFromKey(c.req.query('year') ?? '');
    const r = await s.site.outcome(c.req.param('slug'), current, c.req.query('period') || undefined, year ? { from: year.start, to: year.end } : undefined);
    const indicators = await withRows(r.indicators);
    const filter = indicatorFilter(c.req.query('rag'), c.req.query('quartile'));
    return page(c, 'outcome.njk', {
      title: r.outcome.title,
      ...r,
      // A theme's summary can be a report's whole introduction: the list gives its opening, the theme page the rest.
      outcome: { ...r.outcome, themes: r.outcome.themes.map((t) => ({ ...t, summary: plainExcerpt(t.summary, 160) })) },
      pv: periodView(r.scope, c.req.path, c.req.query()),
      inPeriod: r.scope.chosen ? periodQuery(r.scope.key) : '',
      year: year ? { key: year.key, label: formatPeriod(year) } : undefined,
      indicatorFilter: filter ? filter.label : undefined,
      indicators: filter ? indicators.filter((i) => i.row && filter.keep(i.row)) : indicators,
      entries: { ...r.entries, entries: withExcerpts(r.entries.entries) },
      pagination: paged(c, r.entries.total, current),
      breadcrumbs: [{ text: 'Home', href: `/${r.scope.chosen ? periodQuery(r.scope.key) : ''}` }],
    });
  });

  app.get('/outcomes/:slug/:theme', async (c) => {
    const current = pageNumber(c.req.query('page'));
    const r = await s.site.theme(c.req.param('slug'), c.req.param('theme'), current, c.req.query('period') || undefined);
    return page(c, 'theme.njk', {
      title: r.theme.title,
      ...r,
      pv: periodView(r.scope, c.req.path, c.req.query()),
      inPeriod: r.scope.chosen ? periodQuery(r.scope.key) : '',
      indicators: await withRows(r.indicators),
      entries: { ...r.entries, entries: withExcerpts(r.entries.entries) },
      pagination: paged(c, r.entries.total, current),
      breadcrumbs: [{ text: 'Home', href: `/${r.scope.chosen ? periodQuery(r.scope.key) : ''}` }, { text: r.outcome.title, href: `/outcomes/${r.outcome.slug}${r.scope.chosen ? periodQuery(r.scope.key) : ''}` }],
    });
  });

  app.get('/entries/:id', async (c) => {
    const entry = await s.site.entry(c.req.param('id'));
    // Everything the page links to is of the entry's own period and plan: its outcome, places and indicators as they were then.
    const inPeriod = periodQuery(entry.periodKey);
    const indicators = indicatorsTalkedAbout(entry, await s.site.indicators(entry.periodKey ?? undefined));
    const breadcrumbs = [{ text: 'Home', href: `/${inPeriod}` }];
    if (entry.outcomeSlug) breadcrumbs.push({ text: entry.outcomeTitle ?? '', href: `/outcomes/${entry.outcomeSlug}${inPeriod}` });
    return page(c, 'entry.njk', { title: entry.title || plainExcerpt(entry.body, 90), description: plainExcerpt(entry.body, 160), entry, inPeriod, indicators, bodyHtml: markdownToHtml(entry.body), breadcrumbs });
  });
}

/** Delivery by place: every district and named place. */
function placePages(app: Hono<AppEnv>, s: Services): void {
  app.get('/places', async (c) => {
    const places = await s.site.places(c.req.query('period') || undefined);
    const pv = periodView(places.scope, '/places');
    return page(c, 'places.njk', { title: `Places: what was done in ${pv.label}`, places, pv, periodQuery: periodQuery(places.scope.key) });
  });

  const placePage = async (c: Context<AppEnv>, where: { areaCode: string } | { name: string }) => {
    const current = pageNumber(c.req.query('page'));
    const place = await s.site.place(where, current, c.req.query('period') || undefined);
    return page(c, 'place.njk', {
      title: `What we have done in ${place.name} in ${place.scope.label}`,
      place: { ...place, entries: { ...place.entries, entries: withExcerpts(place.entries.entries) } },
      pv: periodView(place.scope, c.req.path),
      pagination: paged(c, place.entries.total, current),
      breadcrumbs: [{ text: 'Home', href: '/' }, { text: 'Places', href: `/places${periodQuery(place.scope.key)}` }],
    });
  };
  app.get('/places/named/:name', (c) => placePage(c, { name: c.req.param('name') }));
  app.get('/places/:code', (c) => placePage(c, { areaCode: c.req.param('code') }));
}

/** Commitments, search, published reports and the accessibility statement. */
function listingPages(app: Hono<AppEnv>, s: Services): void {
  app.get('/commitments', async (c) => {
    const periodText = c.req.query('period') || undefined;
    // A period's commitments are those of the plan in force in it.
    const { structure } = await s.site.structureFor(periodText);
    const outcomeSlug = c.req.query('outcome') || undefined;
    const status = c.req.query('status') || undefined;
    const outcome = outcomeSlug ? structure.outcomes.find((o) => o.slug === outcomeSlug) : undefined;
    const problems = [];
    if (outcomeSlug && !outcome) problems.push({ field: 'outcome', message: `there is no outcome "${outcomeSlug.slice(0, 80)}"` });
    if (status && !(status in COMMITMENT_STATUS)) problems.push({ field: 'status', message: `must be one of ${Object.keys(COMMITMENT_STATUS).join(', ')}` });
    if (problems.length) throw new ValidationError('The filter is not valid', problems);
    const r = await s.site.commitments({ outcomeId: outcome?.id, status, period: periodText });
    const statuses = Object.entries(COMMITMENT_STATUS).map(([value, text]) => ({ value, text }));
    // Every period with published delivery, newest first, to look at the promises as they stood then.
    const periods = [...new Map((await s.site.planList()).flatMap((p) => p.periods).map((x) => [x.key, x])).values()].sort((a, b) => b.key.localeCompare(a.key));
    return page(c, 'commitments.njk', {
      title: r.period?.chosen ? `Commitments as they stood at the end of ${r.period.label}` : 'Commitments',
      ...r,
      periods,
      statuses,
      outcomeItems: [{ value: '', text: 'All outcomes' }, ...structure.outcomes.map((o) => ({ value: o.slug, text: o.title, selected: o.slug === outcomeSlug }))],
      statusItems: [{ value: '', text: 'Any status' }, ...statuses.map((x) => ({ ...x, selected: x.value === status }))],
      filterText: [outcome ? `for ${outcome.title}` : '', status ? `with status ${COMMITMENT_STATUS[status].toLowerCase()}` : ''].filter(Boolean).join(' '),
    });
  });

  app.get('/search', async (c) => {
    const raw = c.req.query('q') ?? '';
    const periodText = c.req.query('period') || undefined;
    const r = await s.site.search(raw, 50, periodText);
    const TYPE_LABELS = { entry: 'Entry', indicator: 'Indicator', commitment: 'Commitment' } as const;
    const hits = r.hits.map((h) => ({
      ...h,
      typeLabel: TYPE_LABELS[h.type],
      href: h.type === 'indicator' && r.period ? `${hitUrl(h)}${periodQuery(r.period.key)}` : hitUrl(h),
    }));
    const periods = await s.site.periodChoices();
    const periodItems = [{ value: '', text: 'Every year' }, ...periods.map((p) => ({ value: p.key, text: p.label, selected: p.key === r.period?.key }))];
    const title = r.query ? `Search results for “${r.query}”${r.period ? ` in ${r.period.label}` : ''}` : 'Search';
    return page(c, 'search.njk', { title, query: r.query, total: r.total, hits, period: r.period, periodItems });
  });

  app.get('/reports', async (c) => {
    const reports = (await s.site.reports()).map((r) => ({
      ...r, files: r.files.map((f) => ({ ...f, formatLabel: FORMAT_LABELS[f.format] ?? f.format.toUpperCase(), sizeLabel: sizeLabel(f.size) })),
    }));
    // Each period's latest version first; the versions it corrected stay available beneath it.
    const periods: { periodKey: string; latest: (typeof reports)[number]; earlier: typeof reports }[] = [];
    for (const r of reports) {
      const p = periods.find((x) => x.periodKey === r.periodKey);
      if (p) p.earlier.push(r);
      else periods.push({ periodKey: r.periodKey, latest: r, earlier: [] });
    }
    const dataPeriods = await s.site.periodChoices();
    return page(c, 'reports.njk', { title: 'Reports and open data', periods, datasets: DATASETS, dataPeriods });
  });

  app.get('/reports/:id/:file?', async (c) => {
    const file = await s.site.report(c.req.param('id'));
    const safeName = file.fileName.replace(/[^\w.-]+/g, '_');
    return new Response(new Uint8Array(file.content), {
      headers: {
        'Content-Type': file.mediaType,
        'Content-Disposition': `attachment; filename="${safeName}"`,
        'Cache-Control': 'public, max-age=300',
      },
    });
  });

  app.get('/accessibility', (c) => page(c, 'accessibility.njk', { title: 'Accessibility' }));
}

export function publicRoutes(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const context = publicRoutesContext(s);
  outcomePages(app, s, context);
  placePages(app, s);
  listingPages(app, s);
  return app;
}

/** The outcome page's indicator filter from the home page's links: a RAG status or a quartile band. */
function indicatorFilter(rag: string | undefined, quartile: string | undefined): { label: string; keep: (row: RowView) => boolean } | undefined {
  if (rag && rag in RAG_LABELS) return { label: RAG_LABELS[rag as Rag].label.toLowerCase(), keep: (row) => row.rag === rag };
  if (quartile && quartile in QUARTILE_LABELS) {
    const band = quartile === 'none' ? null : Number(quartile);
    return { label: QUARTILE_LABELS[quartile as unknown as QuartileBand | 'none'].label.toLowerCase(), keep: (row) => row.quartileBand === band };
  }
  return undefined;
}
