import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { pageCache } from './page-cache.js';

function appWith(render: () => Promise<Response>, version = { v: '1' }) {
  const app = new Hono();
  const cache = pageCache({ maxEntries: 2 });
  app.use('*', cache.middleware(() => version.v));
  app.get('*', () => render());
  app.onError((_e, c) => c.text('failed', 500));
  return { app, cache, version };
}

describe('page cache', () => {
  it('renders a page once for many requests that arrive together', async () => {
    let renders = 0;
    const { app } = appWith(async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 30));
      return new Response(`<p>page ${renders}</p>`, { headers: { 'content-type': 'text/html' } });
    });
    const bodies = await Promise.all(Array.from({ length: 8 }, async () => (await app.request('/a')).text()));
    expect(renders).toBe(1);
    expect(new Set(bodies)).toEqual(new Set(['<p>page 1</p>']));
  });

  it('lets waiting requests render for themselves when the first one fails', async () => {
    let calls = 0;
    const { app } = appWith(async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 10));
      if (calls === 1) throw new Error('first render fails');
      return new Response('ok', { headers: { 'content-type': 'text/html' } });
    });
    const results = await Promise.all([app.request('/b'), app.request('/b')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 500]);
  });

  it('keeps nothing but successful public responses, and forgets everything when the version changes', async () => {
    let n = 0;
    const status = { code: 200 };
    const { app, cache, version } = appWith(async () => new Response(`v${++n}`, { status: status.code, headers: { 'content-type': 'text/html' } }));
    status.code = 404;
    await app.request('/missing');
    expect(cache.size).toBe(0);
    status.code = 200;
    expect(await (await app.request('/x')).text()).toBe('v2');
    expect(await (await app.request('/x')).text()).toBe('v2');
    version.v = '2';
    expect(await (await app.request('/x')).text()).toBe('v3');
    await app.request('/y');
    await app.request('/z');
    expect(cache.size).toBe(2);
  });
});
