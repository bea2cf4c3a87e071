// The web application: createApp(services) returns a Hono app; routes validate, call a service, render.
import { Hono } from 'hono';
import type { Services } from '../services/index.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function createApp(s: Services): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    const settings = await s.workspace.settings();
    const planId = await s.plans.currentPlanId();
    const structure = planId ? await s.plans.structure(planId) : undefined;
    const items = structure?.outcomes.map((o) => `<li><h2>${escapeHtml(o.title)}</h2><p>${escapeHtml(o.summary)}</p></li>`).join('') ?? '';
    return c.html(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(settings.councilName)} – Strategic Plan</title></head>
<body><main><h1>${escapeHtml(structure?.plan.title ?? 'No plan yet')}</h1><ul>${items}</ul></main></body></html>`);
  });
  app.get('/healthz', (c) => c.json({ ok: true }));
  return app;
}
