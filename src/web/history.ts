// The public site's history across years: the current plan and the earlier ones, schemes followed
// from report to report, each with its timeline of published entries, and "what changed" between two periods.
import { Hono } from 'hono';
import type { Services } from '../services/index.js';
import { page, type AppEnv } from './render.js';

export function historyRoutes(s: Services): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/schemes', async (c) => page(c, 'schemes.njk', {
    title: 'Schemes across the years',
    schemes: (await s.links.schemes()).filter((x) => x.entries > 0),
    breadcrumbs: [{ text: 'Home', href: '/' }],
  }));

  app.get('/schemes/:slug', async (c) => {
    const timeline = await s.links.timeline(c.req.param('slug'), { publishedOnly: true });
    return page(c, 'scheme.njk', {
      title: timeline.scheme.name, timeline, publicLinks: true,
      breadcrumbs: [{ text: 'Home', href: '/' }, { text: 'Schemes', href: '/schemes' }],
    });
  });

  app.get('/plans', async (c) => {
    const plans = await s.site.planList();
    return page(c, 'plans.njk', {
      title: 'The Strategic Plan and earlier plans', current: plans.find((p) => p.current), earlier: plans.filter((p) => !p.current),
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });

  app.get('/plans/:slug', async (c) => {
    const r = await s.site.planPage(c.req.param('slug'));
    return page(c, 'plan.njk', {
      title: `${r.plan.title} (${r.plan.years})`, ...r,
      breadcrumbs: [{ text: 'Home', href: '/' }, { text: 'Plans', href: '/plans' }],
    });
  });

  app.get('/changes', async (c) => {
    const from = c.req.query('from');
    const to = c.req.query('to');
    const changes = from && to ? await s.changes.between(from, to) : undefined;
    return page(c, 'changes.njk', {
      title: changes ? `What changed from ${changes.from.label} to ${changes.to.label}` : 'What changed',
      changes, from: from ?? '', to: to ?? '',
      breadcrumbs: [{ text: 'Home', href: '/' }],
    });
  });
  return app;
}
