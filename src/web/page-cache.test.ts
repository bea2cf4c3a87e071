import { Hono, type Context } from 'hono';
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

/** An app whose page cache may answer stale: `x-refresh` marks its own renderings, a `wrote=1` cookie whoever wrote. */
function staleApp(render: (c: Context) => Promise<Response>) {
  const app = new Hono();
  const cache = pageCache();
  const version = { v: '1' };
  app.use('*', cache.middleware(() => version.v, {
    mayBeStale: (c) => !c.req.header('x-refresh') && !c.req.header('cookie')?.includes('wrote=1'),
    refresh: async (url) => app.request(url, { headers: { 'x-refresh': '1' } }),
  }));
  app.get('*', render);
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

  it('with stale answers allowed, answers the page as it was while rendering it again, but never to whoever wrote', async () => {
    const data = { text: 'old' };
    let renders = 0;
    const waiting: (() => void)[] = [];
    const release = () => waiting.splice(0).forEach((go) => go());
    const { app, cache, version } = staleApp(async (c) => {
      renders++;
      const text = data.text;
      // A rendering after the change is slow: it waits until released.
      if (text === 'new') await new Promise<void>((r) => waiting.push(r));
      return c.html(`<p>${text} ${c.req.path}</p>`);
    });
    expect(await (await app.request('http://x/a')).text()).toBe('<p>old /a</p>');
    expect(await (await app.request('http://x/b')).text()).toBe('<p>old /b</p>');
    data.text = 'new';
    version.v = '2';
    // A reader is answered at once with the page as it was, marked stale, and the page is being rendered again.
    const reader = await app.request('http://x/a');
    expect(reader.headers.get('x-cache')).toBe('stale');
    expect(await reader.text()).toBe('<p>old /a</p>');
    // Whoever wrote waits for the new page.
    const writer = app.request('http://x/a', { headers: { cookie: 'wrote=1' } });
    await new Promise((r) => setTimeout(r, 20));
    release();
    expect(await (await writer).text()).toBe('<p>new /a</p>');
    // Both pages kept before the change are rendered again in the background, one at a time.
    for (let i = 0; i < 50 && cache.size < 2; i++) {
      release();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(cache.size).toBe(2);
    const after = await app.request('http://x/b');
    expect(after.headers.get('x-cache')).toBe('hit');
    expect(await after.text()).toBe('<p>new /b</p>');
    expect(renders).toBeLessThanOrEqual(5);
  });

  it('without stale answers, a request after a change always waits for the new page', async () => {
    let n = 0;
    const { app, version } = appWith(async () => new Response(`v${++n}`, { headers: { 'content-type': 'text/html' } }));
    expect(await (await app.request('/x')).text()).toBe('v1');
    version.v = '2';
    const r = await app.request('/x');
    expect(r.headers.get('x-cache')).toBe('miss');
    expect(await r.text()).toBe('v2');
  });

  it('holds renderings in the background back while a page is being rendered for someone who waits for it', async () => {
    const data = { text: 'old' };
    const log: string[] = [];
    let releaseWriter = () => undefined as void;
    const { app, cache, version } = staleApp(async (c) => {
      log.push(`start ${c.req.path}`);
      if (data.text === 'new' && c.req.path === '/slow') await new Promise<void>((r) => (releaseWriter = r));
      log.push(`end ${c.req.path}`);
      return c.html(`<p>${data.text} ${c.req.path}</p>`);
    });
    await app.request('http://x/a');
    await app.request('http://x/slow');
    data.text = 'new';
    version.v = '2';
    log.length = 0;
    // Whoever wrote asks for /slow (rendered for them, slowly); a reader of /a is answered stale,
    // which asks for /a to be rendered again in the background: that waits for /slow to be done.
    const writer = app.request('http://x/slow', { headers: { cookie: 'wrote=1' } });
    await new Promise((r) => setTimeout(r, 5));
    expect((await app.request('http://x/a')).headers.get('x-cache')).toBe('stale');
    await new Promise((r) => setTimeout(r, 60));
    expect(log).toEqual(['start /slow']);
    releaseWriter();
    expect(await (await writer).text()).toBe('<p>new /slow</p>');
    for (let i = 0; i < 50 && cache.size < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(log.slice(0, 3)).toEqual(['start /slow', 'end /slow', 'start /a']);
    expect(await (await app.request('http://x/a')).text()).toBe('<p>new /a</p>');
  });
});
