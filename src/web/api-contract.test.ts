// Every GET operation of the published OpenAPI document, called against the demo workspace and the
// small site fixture on PGlite, answers with what the document says: checked by validators that are
// not ours (ajv for JSON Schema 2020-12, the dialect of OpenAPI 3.1; an OpenAPI 3.1 schema validator
// for the document itself), so a mistake shared by the document and the code cannot pass unseen.
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTestServices } from '../../test/helpers/demo.js';
import { seededServices } from '../../test/helpers/site-fixture.js';
import { SYSTEM_ACTOR } from '../services/policy.js';
import { createApp } from './app.js';

type App = ReturnType<typeof createApp>;
interface Operation { responses: Record<string, { content?: Record<string, unknown> }> }
interface Document { openapi: string; paths: Record<string, Record<string, Operation>> }

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** Checks a response against the document: its status is documented, and its JSON body matches that status's schema. */
function contract(doc: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(doc, 'openapi.json');
  const seen = new Set<string>();
  return {
    seen,
    async check(app: App, template: string, url: string, expectStatus = 200) {
      const res = await app.request(url);
      expect(res.status, url).toBe(expectStatus);
      const op = doc.paths[template]?.get;
      expect(op, `${template} is documented`).toBeTruthy();
      expect(op.responses[String(res.status)], `${url}: status ${res.status} is documented`).toBeTruthy();
      expect(res.headers.get('content-type')).toContain('application/json');
      const ref = `openapi.json#/${pointer('paths', template, 'get', 'responses', String(res.status), 'content', 'application/json', 'schema')}`;
      const body: unknown = await res.json();
      const valid = ajv.validate({ $ref: ref }, body);
      expect(valid, `${url}: ${ajv.errorsText(ajv.errors, { separator: '\n' })}`).toBe(true);
      if (res.status === 200) seen.add(template);
      return body;
    },
  };
}

async function exercise(app: App) {
  const doc = (await (await app.request('/api/openapi.json')).json()) as Document;
  const c = contract(doc);
  const plan = (await c.check(app, '/api/plan', '/api/plan')) as { outcomes: { slug: string; themes: { slug: string }[] }[] };
  const outcome = plan.outcomes[0];
  const list = (await c.check(app, '/api/entries', '/api/entries?pageSize=200')) as { entries: { id: string; places: { areaCode: string | null }[] }[] };
  await c.check(app, '/api/entries', `/api/entries?outcome=${outcome.slug}&theme=${outcome.themes[0].slug}&page=1&pageSize=5`);
  const area = list.entries.flatMap((e) => e.places).find((p) => p.areaCode)?.areaCode;
  if (area) await c.check(app, '/api/entries', `/api/entries?area=${area}`);
  for (const e of list.entries) await c.check(app, '/api/entries/{id}', `/api/entries/${encodeURIComponent(e.id)}`);
  await c.check(app, '/api/commitments', '/api/commitments');
  await c.check(app, '/api/commitments', `/api/commitments?outcome=${outcome.slug}&status=delivered`);
  const indicators = (await c.check(app, '/api/indicators', '/api/indicators')) as { code: string }[];
  for (const i of indicators) await c.check(app, '/api/indicators/{code}', `/api/indicators/${encodeURIComponent(i.code)}`);
  await c.check(app, '/api/compendium', '/api/compendium');
  await c.check(app, '/api/compendium', `/api/compendium?outcome=${outcome.slug}`);
  await c.check(app, '/api/places', '/api/places');
  for (const q of ['gritting', 'roads', 'school', '"care home"', 'recycling -waste']) await c.check(app, '/api/search', `/api/search?q=${encodeURIComponent(q)}`);
  await c.check(app, '/api/reports', '/api/reports');
  // Every answer about material of a period takes ?period=, as a key or as people write it.
  const { periodKey } = (await c.check(app, '/api/compendium', '/api/compendium')) as { periodKey: string };
  for (const path of ['/api/plan', '/api/entries', '/api/commitments', '/api/indicators', '/api/compendium', '/api/places']) {
    await c.check(app, path, `${path}?period=${encodeURIComponent(periodKey)}`);
  }
  const places = (await c.check(app, '/api/places', '/api/places')) as { periodKey: string };
  await c.check(app, '/api/places', `/api/places?period=${encodeURIComponent(places.periodKey)}`);
  for (const i of indicators) await c.check(app, '/api/indicators/{code}', `/api/indicators/${encodeURIComponent(i.code)}?period=${encodeURIComponent(periodKey)}`);
  await c.check(app, '/api/search', `/api/search?q=roads&period=${encodeURIComponent(periodKey)}`);
  await c.check(app, '/api/places', '/api/places?period=someday', 400);
  // The errors are documented too.
  await c.check(app, '/api/entries', '/api/entries?pageSize=1000', 400);
  await c.check(app, '/api/entries/{id}', '/api/entries/no-such-entry', 404);
  await c.check(app, '/api/indicators/{code}', '/api/indicators/NOPE', 404);
  return { doc, seen: c.seen };
}

describe('the API against its OpenAPI document', () => {
  let demo: Awaited<ReturnType<typeof demoTestServices>>;
  let fixture: Awaited<ReturnType<typeof seededServices>>;
  beforeAll(async () => {
    demo = await demoTestServices();
    fixture = await seededServices();
  }, 120_000);
  afterAll(async () => {
    await demo?.close();
    await fixture?.close();
  });

  it('publishes a valid OpenAPI 3.1 document', async () => {
    const doc = await (await createApp(fixture.s, { cachePages: false }).request('/api/openapi.json')).json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    // Each operation over material of a period documents the period parameter.
    const withPeriod = Object.entries(doc.paths as Record<string, { get: { parameters?: { name: string; in: string }[] } }>)
      .filter(([, ops]) => ops.get.parameters?.some((p) => p.name === 'period' && p.in === 'query')).map(([path]) => path).sort();
    expect(withPeriod).toEqual(['/api/commitments', '/api/compendium', '/api/entries', '/api/indicators', '/api/indicators/{code}', '/api/places', '/api/plan', '/api/search']);
  });

  it('answers every GET operation on the demo workspace as documented', async () => {
    const { doc, seen } = await exercise(createApp(demo, { cachePages: false }));
    const documented = Object.entries(doc.paths).filter(([, ops]) => ops.get).map(([path]) => path);
    expect(documented.length).toBe(10);
    expect([...seen].sort()).toEqual(documented.sort());
  }, 120_000);

  it('carries the published status note and its date, in JSON as documented and in the CSV, kept to the period', async () => {
    const app = createApp(demo, { cachePages: false });
    const c = contract((await (await app.request('/api/openapi.json')).json()) as Document);
    const before = (await c.check(app, '/api/commitments', '/api/commitments')) as { id: string; statusNote: string | null }[];
    const target = before[0];
    const note = 'Opened 15 months late in June 2027.';
    await demo.commitments.setStatus(SYSTEM_ACTOR, target.id, 'delivered', note);
    const today = new Date().toISOString().slice(0, 10);
    const after = (await c.check(app, '/api/commitments', '/api/commitments')) as { id: string; status: string; statusNote: string | null; statusSetOn: string | null }[];
    expect(after.find((x) => x.id === target.id)).toMatchObject({ status: 'delivered', statusNote: note, statusSetOn: today });
    const csv = await (await app.request('/data/commitments.csv')).text();
    const [head, ...lines] = csv.trim().split(/\r?\n/);
    expect(head.split(',')).toEqual(expect.arrayContaining(['status_note', 'status_set_on']));
    expect(lines.find((l) => l.startsWith(target.id))).toContain(`${note},${today}`);
    // Judged on the last day of a period that ended before the status was set, neither the status nor its note was known.
    const earlier = (await c.check(app, '/api/commitments', '/api/commitments?period=2024%2F25')) as { id: string; status: string; statusNote: string | null; statusSetOn: string | null }[];
    for (const x of earlier) expect([x.statusNote, x.statusSetOn]).not.toContain(today);
    expect(earlier.filter((x) => x.statusNote === note)).toEqual([]);
  }, 60_000);

  it('answers as documented on a workspace with hostile text, drafts and report files', async () => {
    const { seen } = await exercise(createApp(fixture.s, { cachePages: false }));
    expect(seen.size).toBe(10);
  }, 60_000);
});
