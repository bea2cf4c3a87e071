// The web application: createApp(services) returns a Hono app; routes validate, call a service, render.
// Public pages need no sign-in and show only published content; the staff workspace lives under /manage.
import { Hono, type Context } from 'hono';
import type { Services } from '../services/index.js';
import { DEFAULT_SETTINGS } from '../services/workspace.js';
import { ValidationError } from '../errors.js';
import { answerFor, answerParagraphs, type ErrorAnswer } from './errors.js';
import { apiRoutes } from './api.js';
import { assetRoutes } from './assets.js';
import { openDataRoutes } from './open-data.js';
import { pageCache } from './page-cache.js';
import { manageRoutes } from './manage/index.js';
import { performanceRoutes } from './performance.js';
import { fundingRoutes } from './funding.js';
import { publicRoutes } from './public.js';
import { historyRoutes } from './history.js';
import { page, siteContext, type AppEnv } from './render.js';
import { securityHeaders } from './security.js';
import { createViews } from './views.js';

export interface AppOptions {
  /** Keep rendered public pages in memory under the data version (on unless a test turns it off). */
  cachePages?: boolean;
  /**
   * How long the data version read from the database is trusted, in milliseconds (default 1000).
   * Any POST, PUT, PATCH or DELETE handled here makes the next request read it again at once, so
   * changes made through this server show straight away; changes made by another process (only
   * possible on PostgreSQL) show within this time.
   */
  versionTtlMs?: number;
  /**
   * After a change, answer public pages as they were while they are rendered again in the
   * background (the server does; off by default, so tests see each change at once). Whoever made
   * a change through this server is never answered stale: each POST sets a short-lived cookie
   * (WROTE_COOKIE) under which public pages are always rendered fresh.
   */
  serveStale?: boolean;
  /** Once aborted (the server is closing), no page is rendered again in the background. */
  signal?: AbortSignal;
}

/** Set on every POST, PUT, PATCH or DELETE: for its lifetime the browser's public pages are never stale. */
export const WROTE_COOKIE = 'compendium_wrote';
const WROTE_SECONDS = 300;
/** Marks the page cache's own background renderings, which must not be answered stale. */
const REFRESH_HEADER = 'x-compendium-refresh';

export function createApp(s: Services, options: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const views = createViews();
  const assets = assetRoutes();
  const manage = true;
  const cache = pageCache();
  const isPublicPath = (p: string) => !p.startsWith('/manage') && !p.startsWith('/assets/') && p !== '/healthz';

  app.use('*', securityHeaders({ https: s.config.publicUrl?.startsWith('https://') }));
  // PostgreSQL text cannot hold a NUL character: refuse it in the address before it reaches a query.
  app.use('*', async (c, next) => {
    if (/%00/i.test(c.req.url)) throw new ValidationError('The address is not valid', [{ field: 'address', message: 'it contains a NUL character (%00)' }]);
    await next();
  });
  app.route('/assets', assets.routes);
  app.get('/healthz', (c) => c.json({ ok: true }));

  const ttl = options.versionTtlMs ?? 1000;
  let known: { key: string; settings: Awaited<ReturnType<Services['site']['version']>>['settings']; at: number } | undefined;
  app.use('*', async (c, next) => {
    c.set('views', views);
    const now = Date.now();
    if (!known || now - known.at >= ttl) known = { ...(await s.site.version()), at: now };
    c.set('dataVersion', known.key);
    c.set('site', siteContext(known.settings, c.req.path, { assetVersion: assets.version, manage }));
    const writes = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    try {
      await next();
    } finally {
      if (writes) known = undefined;
    }
    if (writes && options.serveStale) {
      const secure = s.config.publicUrl?.startsWith('https://') ? '; Secure' : '';
      const headers = new Headers(c.res.headers);
      headers.append('Set-Cookie', `${WROTE_COOKIE}=1; Path=/; Max-Age=${WROTE_SECONDS}; HttpOnly; SameSite=Lax${secure}`);
      c.res = new Response(c.res.body, { status: c.res.status, statusText: c.res.statusText, headers });
    }
  });
  if (options.cachePages !== false) {
    const stale = options.serveStale ? {
      mayBeStale: (c: Context) => !c.req.header(REFRESH_HEADER) && !new RegExp(`(?:^|;\\s*)${WROTE_COOKIE}=`).test(c.req.header('cookie') ?? ''),
      refresh: async (url: string) => (options.signal?.aborted ? undefined : app.request(url, { headers: { [REFRESH_HEADER]: '1' } })),
    } : undefined;
    const cached = cache.middleware((c) => (c as Context<AppEnv>).get('dataVersion'), stale);
    app.use('*', (c, next) => (isPublicPath(c.req.path) ? cached(c, next) : next()));
  }

  app.get('/', async (c) => page(c, 'home.njk', { home: await s.site.home(undefined, c.req.query('period') || undefined) }));
  app.route('/', publicRoutes(s));
  app.route('/', historyRoutes(s));
  app.route('/', performanceRoutes(s));
  app.route('/', fundingRoutes(s));
  app.route('/', apiRoutes(s));
  app.route('/data', openDataRoutes(s));
  app.route('/manage', manageRoutes(s));

  const errorPage = (c: Context<AppEnv>, status: ErrorAnswer['status'] | 500, title: string, paragraphs: string[]) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: title, detail: paragraphs.join(' ') }, status);
    c.set('views', views);
    if (!c.get('site')) c.set('site', siteContext(DEFAULT_SETTINGS, c.req.path, { assetVersion: assets.version, manage }));
    return page(c, 'errors/error.njk', { title, paragraphs }, status);
  };

  app.notFound((c) => errorPage(c, 404, 'Page not found', ['If you typed the web address, check it is correct. If you followed a link, the page may have moved or not yet be published.']));
  app.onError((e, c) => {
    const answer = answerFor(e);
    if (answer) return errorPage(c, answer.status, answer.title, answerParagraphs(answer));
    console.error(e);
    return errorPage(c, 500, 'Sorry, there is a problem with the service', ['Try again later.']);
  });
  return app;
}
