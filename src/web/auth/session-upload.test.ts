// The session and CSRF middleware decides before reading a body: a signed-out upload is refused
// without a byte of it read, a multipart token in the address is checked before parsing, and a
// request that says it came from another site is refused whatever its token.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { manageWorkspace, PASSWORD, type ManageWorkspace } from '../../../test/helpers/manage.js';
import { BASE, browser, signedIn } from '../../../test/helpers/web.js';

let w: ManageWorkspace;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  w = await manageWorkspace({ maxUploadBytes: 100 * 1024 * 1024 });
  app = createApp(w.s, { cachePages: false });
});
afterAll(async () => { await w.close(); });

const BOUNDARY = 'compendiumtestboundary';

/** A multipart body as a stream that counts how many bytes anyone pulled from it. */
function countedUpload(totalBytes: number, csrf = ''): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  const head = new TextEncoder().encode(
    (csrf ? `--${BOUNDARY}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n` : '') +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="report"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`);
  const tail = new TextEncoder().encode(`\r\n--${BOUNDARY}--\r\n`);
  const chunk = new Uint8Array(64 * 1024).fill(97);
  let sent = 0;
  let stage = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(ctl) {
      if (stage === 0) { ctl.enqueue(head); sent += head.length; stage = 1; return; }
      if (stage === 1 && sent < totalBytes) { ctl.enqueue(chunk); sent += chunk.length; return; }
      if (stage === 1) { ctl.enqueue(tail); sent += tail.length; stage = 2; return; }
      ctl.close();
    },
  }, { highWaterMark: 0 });
  return { body, pulled: () => sent };
}

const cookieOf = (b: { cookies: Map<string, string> }) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

describe('uploads and the session check', () => {
  it('refuses a signed-out upload with 403 without reading its body', async () => {
    const up = countedUpload(8 * 1024 * 1024);
    const r = await app.request(`${BASE}/manage/uploads/report`, {
      method: 'POST', body: up.body, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, duplex: 'half',
    } as RequestInit);
    expect(r.status).toBe(403);
    expect(up.pulled()).toBeLessThan(128 * 1024); // at most the first chunk, read ahead by the stream
  });

  it('checks a token sent in the address before reading the upload', async () => {
    const b = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const up = countedUpload(8 * 1024 * 1024);
    const r = await app.request(`${BASE}/manage/uploads/report?_csrf=wrong-token`, {
      method: 'POST', body: up.body, headers: { cookie: cookieOf(b), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, duplex: 'half',
    } as RequestInit);
    expect(r.status).toBe(403);
    expect(up.pulled()).toBeLessThan(128 * 1024); // at most the first chunk, read ahead by the stream
  });

  it('takes an upload whose token is in the address, as the upload form sends it', async () => {
    const b = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const page = await (await b.get('/manage/uploads')).text();
    expect(page).toContain(`action="/manage/uploads/indicators?_csrf=${b.csrf}"`);
    const fd = new FormData();
    fd.append('file', new File(['indicator,area,period,value\nIND2,E10000018,2023/24,12.5\n'], 'v.csv', { type: 'text/csv' }));
    const r = await app.request(`${BASE}/manage/uploads/indicators?_csrf=${b.csrf}`, { method: 'POST', headers: { cookie: cookieOf(b) }, body: fd });
    expect(r.status).toBe(200);
  });

  it('answers 413 with a sentence when a streamed upload passes the limit', async () => {
    const small = await manageWorkspace({ maxUploadBytes: 256 * 1024 });
    try {
      const smallApp = createApp(small.s, { cachePages: false });
      const b = await signedIn(smallApp, 'officer@test.gov.uk', PASSWORD);
      const up = countedUpload(2 * 1024 * 1024);
      const r = await smallApp.request(`${BASE}/manage/uploads/report?_csrf=${b.csrf}`, {
        method: 'POST', body: up.body, headers: { cookie: cookieOf(b), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, duplex: 'half',
      } as RequestInit);
      expect(r.status).toBe(413);
      expect(await r.text()).toContain('Uploads can be at most 0.3 MB');
      expect(up.pulled()).toBeLessThan(1024 * 1024);
    } finally {
      await small.close();
    }
  });
});

describe('origin checks on forms', () => {
  it('refuses a valid token sent from another site, and falls back to the token when no origin is given', async () => {
    const b = await signedIn(app, 'admin@test.gov.uk', PASSWORD);
    const post = (headers: Record<string, string>) => app.request(`${BASE}/manage/sign-out-everywhere`, {
      method: 'POST', headers: { cookie: cookieOf(b), 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: `_csrf=${b.csrf}`,
    });
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ origin: 'null' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
    // Still signed in: none of those was acted on.
    expect((await b.get('/manage')).status).toBe(200);
    expect((await post({ origin: BASE, 'sec-fetch-site': 'same-origin' })).status).toBe(303);
  });

  it('accepts a form with no origin headers on its token alone', async () => {
    const b = await signedIn(app, 'viewer@test.gov.uk', PASSWORD);
    expect((await b.post('/manage/sign-out', {})).status).toBe(303);
    const again = browser(app);
    await again.get('/manage/sign-in');
    expect((await again.post('/manage/sign-in', { email: 'viewer@test.gov.uk', password: PASSWORD }, { csrf: 'forged' })).status).toBe(403);
  });
});

describe('memory under signed-out uploads', () => {
  let server: ServerType;
  let port = 0;
  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => { port = info.port; resolve(); });
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends a 95 MB multipart POST as fast as the server takes it; resolves with the status. */
  const bigPost = (): Promise<number> => new Promise((resolve, reject) => {
    const total = 95 * 1024 * 1024;
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/manage/uploads/report',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': total } });
    req.on('response', (res) => { res.resume(); resolve(res.statusCode ?? 0); req.destroy(); });
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    const chunk = Buffer.alloc(1024 * 1024, 97);
    let sent = 0;
    const write = () => {
      while (sent < total && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      if (!req.destroyed) req.end();
    };
    write();
  });

  it('answers eight concurrent 95 MB signed-out uploads with 403 without holding them in memory', async () => {
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    const statuses = await Promise.all(Array.from({ length: 8 }, bigPost));
    const grown = process.memoryUsage().rss - before;
    expect(statuses).toEqual(Array(8).fill(403));
    // Buffering them would take 760 MB; refusing them first takes next to nothing.
    expect(grown).toBeLessThan(150 * 1024 * 1024);
  }, 60_000);
});
