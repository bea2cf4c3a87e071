import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededServices } from '../../test/helpers/site-fixture.js';
import { createApp } from './app.js';

let t: Awaited<ReturnType<typeof seededServices>>;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await seededServices();
  app = createApp(t.s, { cachePages: false });
});
afterAll(() => t.close());

const json = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: await res.json(), res };
};

describe('JSON API', () => {
  it('sends CORS headers so that other sites may read it', async () => {
    for (const path of ['/api/plan', '/api/openapi.json', '/api/entries?page=0']) {
      const res = await app.request(path);
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
    }
  });

  it('returns published content only', async () => {
    const { body } = await json('/api/entries?pageSize=200');
    expect(body.total).toBe(3);
    expect(body.entries.map((e: { id: string }) => e.id)).not.toContain(t.fixture.draftEntryId);
    expect((await json(`/api/entries/${t.fixture.draftEntryId}`)).status).toBe(404);
    const ind = await json('/api/indicators/RS01');
    expect(ind.body.values.map((v: { value: number }) => v.value)).toEqual([310, 290]);
    expect(ind.body.values[1].target).toBe(300);
  });

  it('filters entries and pages through them', async () => {
    expect((await json('/api/entries?outcome=great-places')).body.entries.map((e: { id: string }) => e.id)).toEqual(['e-gritting']);
    expect((await json('/api/entries?area=E07000130')).body.entries.map((e: { id: string }) => e.id)).toEqual(['e-falls']);
    expect((await json('/api/entries?place=melton%20mowbray')).body.total).toBe(1);
    const p2 = await json('/api/entries?pageSize=2&page=2');
    expect(p2.body.entries).toHaveLength(1);
  });

  it('rejects bad parameters with a 400 naming them, including SQL metacharacters', async () => {
    for (const q of ["outcome=x'%20or%201=1--", 'page=0', 'pageSize=1000', 'area=%3Cscript%3E', 'nonsense=1', 'outcome=nope', 'theme=healthy-lives']) {
      const { status, body } = await json(`/api/entries?${q}`);
      expect(status, q).toBe(400);
      expect(body.error).toBe('There is a problem with the request');
      expect(body.detail.length).toBeGreaterThan(10);
    }
    expect((await json('/api/commitments?status=open%27;--')).status).toBe(400);
    expect((await json('/api/search')).status).toBe(400);
    expect((await json('/api/nope')).status).toBe(404);
    expect((await json('/api/nope')).body.error).toBe('Page not found');
  });
});

describe('open data', () => {
  it('CSV and JSON of every dataset, published only', async () => {
    for (const name of ['entries', 'indicators', 'values', 'commitments']) {
      const csv = await app.request(`/data/${name}.csv`);
      expect(csv.status, name).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const text = await csv.text();
      expect(text.split('\n')[0].length).toBeGreaterThan(5);
      expect(text).not.toContain('Secret draft');
      expect(text).not.toContain('A commitment still in draft');
      const j = await json(`/data/${name}.json`);
      expect(Array.isArray(j.body)).toBe(true);
    }
    const values = await (await app.request('/data/values.csv')).text();
    expect(values.trim().split('\n')).toHaveLength(5);
    expect(values).not.toContain('999');
    expect((await app.request('/data/secrets.csv')).status).toBe(404);
    expect((await app.request('/data/entries.xml')).status).toBe(404);
  });

  it('quotes hostile text in CSV rather than breaking rows', async () => {
    const text = await (await app.request('/data/entries.csv')).text();
    const hostileLine = text.split('\n').find((l) => l.startsWith('e-hostile'))!;
    expect(hostileLine).toContain('"Hostile <script>alert(""x"")</script>');
  });
});
