// The web application: createApp(services) returns a Hono app; routes validate, call a service, render.
// Public pages need no sign-in and show only published content; the staff workspace lives under /manage.
import { Hono, type Context } from 'hono';
import type { Services } from '../services/index.js';
import { DEFAULT_SETTINGS } from '../services/workspace.js';
import { isNotFoundError, isValidationError } from '../errors.js';
import { assetRoutes } from './assets.js';
import { page, siteContext, type AppEnv } from './render.js';
import { securityHeaders } from './security.js';
import { createViews } from './views.js';

export function createApp(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const views = createViews();
  const assets = assetRoutes();
  const manage = false;

  app.use('*', securityHeaders({ https: s.config.publicUrl?.startsWith('https://') }));
  app.route('/assets', assets.routes);
  app.get('/healthz', (c) => c.json({ ok: true }));

  app.use('*', async (c, next) => {
    c.set('views', views);
    const settings = await s.workspace.settings();
    c.set('site', siteContext(settings, c.req.path, { assetVersion: assets.version, manage }));
    await next();
  });

  app.get('/', async (c) => {
    const planId = await s.plans.currentPlanId();
    const structure = planId ? await s.plans.structure(planId) : undefined;
    return page(c, 'home.njk', { structure });
  });

  const errorPage = (c: Context<AppEnv>, status: 400 | 404 | 500, title: string, paragraphs: string[]) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: title, detail: paragraphs.join(' ') }, status);
    c.set('views', views);
    if (!c.get('site')) c.set('site', siteContext(DEFAULT_SETTINGS, c.req.path, { assetVersion: assets.version, manage }));
    return page(c, 'errors/error.njk', { title, paragraphs }, status);
  };

  app.notFound((c) => errorPage(c, 404, 'Page not found', ['If you typed the web address, check it is correct. If you followed a link, the page may have moved or not yet be published.']));
  app.onError((e, c) => {
    if (isNotFoundError(e)) return errorPage(c, 404, 'Page not found', [e.message.replace(/^./, (ch) => ch.toUpperCase()) + '.']);
    if (isValidationError(e)) return errorPage(c, 400, 'There is a problem with the request', [e.message, ...e.problems.map((p) => `${p.field ? p.field + ': ' : ''}${p.message}`)]);
    console.error(e);
    return errorPage(c, 500, 'Sorry, there is a problem with the service', ['Try again later.']);
  });
  return app;
}
