import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServices } from '../../test/helpers/store.js';
import { createApp } from './app.js';
import { contrast } from './assets.js';

let s: Awaited<ReturnType<typeof testServices>>;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  s = await testServices();
  await s.workspace.init();
  app = createApp(s);
});
afterAll(() => s.close());

describe('web skeleton', () => {
  it('sends a CSP without inline script allowance and the usual security headers', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('renders the layout with the council name, no crown and the page template', async () => {
    const html = await (await app.request('/')).text();
    expect(html).toContain('<html lang="en-GB"');
    expect(html).toContain('Leicestershire County Council');
    expect(html).toContain('href="#main-content"');
    expect(html).not.toMatch(/crown/i);
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>(?!document\.body\.className)/);
  });

  it('serves govuk-frontend CSS without the GDS Transport font, and our own files', async () => {
    const css = await (await app.request('/assets/govuk-frontend.css')).text();
    expect(css.length).toBeGreaterThan(50_000);
    expect(css).not.toContain('GDS Transport');
    expect(css).not.toContain('@font-face');
    for (const f of ['site.css', 'site.js', 'govuk-frontend.min.js', 'favicon.svg']) {
      const res = await app.request(`/assets/${f}`);
      expect(res.status, f).toBe(200);
    }
    expect((await app.request('/assets/nope.css')).status).toBe(404);
    expect((await app.request('/assets/../app.ts')).status).toBe(404);
  });

  it('answers a conditional request for an asset with 304', async () => {
    const first = await app.request('/assets/site.css');
    const etag = first.headers.get('etag')!;
    const again = await app.request('/assets/site.css', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('derives readable header text from the brand colour', async () => {
    const dark = await (await app.request('/assets/brand.css?c=1d4f91')).text();
    expect(dark).toContain('--app-brand-text:#ffffff');
    const light = await (await app.request('/assets/brand.css?c=ffdd00')).text();
    expect(light).toContain('--app-brand-text:#0b0c0c');
    const junk = await (await app.request('/assets/brand.css?c=%3C/style%3E')).text();
    expect(junk).not.toContain('<');
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  it('serves repeat requests from the page cache until something public changes', async () => {
    const cached = createApp(s, { versionTtlMs: 0 });
    const first = await cached.request('/');
    expect(first.headers.get('x-cache')).toBe('miss');
    const second = await cached.request('/');
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('content-security-policy')).toContain("default-src 'self'");
    const notModified = await cached.request('/', { headers: { 'if-none-match': second.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
    await s.workspace.updateSettings({ councilName: 'Borsetshire County Council' });
    const after = await cached.request('/');
    expect(after.headers.get('x-cache')).toBe('miss');
    expect(await after.text()).toContain('Borsetshire County Council');
    await s.workspace.updateSettings({ councilName: 'Leicestershire County Council' });
  });

  it('as a server, answers readers with the page as it was after a change, but whoever posted sees the change at once', async () => {
    const served = createApp(s, { versionTtlMs: 0, serveStale: true });
    expect((await served.request('/')).headers.get('x-cache')).toBe('miss');
    // Any form posted through the server marks the browser as one that wrote.
    const posted = await served.request('/manage/sign-in', { method: 'POST', body: new URLSearchParams({ email: 'x@example.gov.uk', password: 'wrong' }) });
    const wrote = posted.headers.getSetCookie().find((c) => c.startsWith('compendium_wrote='));
    expect(wrote).toMatch(/Path=\/;.*HttpOnly/);
    await s.workspace.updateSettings({ councilName: 'Borsetshire County Council' });
    try {
      const reader = await served.request('/');
      expect(reader.headers.get('x-cache')).toBe('stale');
      expect(await reader.text()).not.toContain('Borsetshire County Council');
      const writer = await served.request('/', { headers: { cookie: wrote!.split(';')[0] } });
      expect(writer.headers.get('x-cache')).not.toBe('stale');
      expect(await writer.text()).toContain('Borsetshire County Council');
    } finally {
      await s.workspace.updateSettings({ councilName: 'Leicestershire County Council' });
    }
  });

  it('renders nothing again in the background once the server is closing', async () => {
    const closing = new AbortController();
    const served = createApp(s, { versionTtlMs: 0, serveStale: true, signal: closing.signal });
    await served.request('/');
    closing.abort();
    await s.workspace.updateSettings({ councilName: 'Borsetshire County Council' });
    try {
      expect((await served.request('/')).headers.get('x-cache')).toBe('stale');
      await new Promise((r) => setTimeout(r, 200));
      // Not kept meanwhile (that would answer 'hit'): no rendering was started behind the reader.
      expect((await served.request('/')).headers.get('x-cache')).toBe('miss');
    } finally {
      await s.workspace.updateSettings({ councilName: 'Leicestershire County Council' });
    }
  });

  it('answers unknown pages with a 404 page in the layout', async () => {
    const res = await app.request('/no/such/page');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Page not found');
    expect(html).toContain('govuk-template');
    expect(res.headers.get('content-security-policy')).toBeTruthy();
  });
});

describe('errors', () => {
  it('answers an unexpected failure with a 500 page that gives nothing away', async () => {
    const broken = createApp({ ...s, site: { ...s.site, home: async () => { throw new Error('secret connection string'); } } }, { cachePages: false });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (e: unknown) => errors.push(e);
    try {
      const res = await broken.request('/');
      expect(res.status).toBe(500);
      const html = await res.text();
      expect(html).toContain('Sorry, there is a problem with the service');
      expect(html).not.toContain('secret connection string');
      expect(res.headers.get('content-security-policy')).toBeTruthy();
    } finally {
      console.error = original;
    }
    expect(errors).toHaveLength(1);
  });
});

describe('figure formatting', () => {
  it('writes money, percentages, counts and ranges with their units', async () => {
    const { formatFact } = await import('../present/format.js');
    expect(formatFact({ value: 1_900_000, valueMax: null, unit: '£' })).toBe('£1,900,000');
    expect(formatFact({ value: 53, valueMax: null, unit: '%' })).toBe('53%');
    expect(formatFact({ value: 41_000, valueMax: null, unit: 'street lights' })).toBe('41,000 street lights');
    expect(formatFact({ value: 2000, valueMax: 10_000, unit: '£' })).toBe('£2,000 to £10,000');
    expect(formatFact({ value: 2.5, valueMax: null, unit: '£' })).toBe('£2.50');
    expect(formatFact({ value: null, valueMax: null, unit: '' })).toBe('–');
  });
});
