import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededServices } from '../../test/helpers/site-fixture.js';
import { createApp } from './app.js';
import { SYSTEM_ACTOR } from '../services/policy.js';

let t: Awaited<ReturnType<typeof seededServices>>;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await seededServices();
  app = createApp(t.s, { cachePages: false });
});
afterAll(() => t.close());

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, html: await res.text(), res };
};

/** The raw hostile markup must never appear; its escaped form may. */
const expectNoHostileMarkup = (html: string) => {
  expect(html).not.toContain('<script>alert');
  expect(html).not.toContain('<img src=x');
  expect(html).not.toContain('onerror=alert(1)>');
  expect(html).not.toMatch(/href="javascript:/i);
};

describe('public pages', () => {
  it('home lists the outcomes with entries this year', async () => {
    const { status, html } = await get('/');
    expect(status).toBe(200);
    expect(html).toContain('Council Strategic Plan 2024–2028');
    expect(html).toContain('href="/outcomes/safe-and-well"');
    expect(html).toMatch(/published for \d{4}\/\d{2}/);
  });

  it('outcome and theme pages show published entries only', async () => {
    const { status, html } = await get('/outcomes/safe-and-well');
    expect(status).toBe(200);
    expect(html).toContain('Falls prevention classes');
    expect(html).not.toContain(t.fixture.draftTitle);
    expect(html).toContain('Recruit 50 new foster carers');
    expect(html).toContain('Late</strong>');
    expectNoHostileMarkup(html);
    const theme = await get('/outcomes/safe-and-well/healthy-lives');
    expect(theme.status).toBe(200);
    expect(theme.html).toContain('Falls prevention classes');
    expect(theme.html).not.toContain('Winter gritting');
    expect((await get('/outcomes/nope')).status).toBe(404);
    expect((await get('/outcomes/safe-and-well/nope')).status).toBe(404);
  });

  it('entry page shows text, figures, places, partners and source', async () => {
    const { status, html } = await get(`/entries/${t.fixture.publishedEntryId}`);
    expect(status).toBe(200);
    expect(html).toContain('<strong>gritting</strong>');
    expect(html).toContain('1,200 miles');
    // The plan's years are not said twice when its title already gives them.
    expect(html).toMatch(/>Council Strategic Plan 2024–2028<\/a>\.<\/p>/);
    // Its places' links are to what was done there in the entry's own year.
    expect(html).toMatch(/href="\/places\/named\/Melton%20Mowbray\?period=FY\d{4}-\d{2}"/);
    expect(html).toContain('Melton Borough Council');
    expect(html).toContain('Annual Delivery Report 2024-25.pdf');
    expect(html).toContain('Open a new salt depot');
  });

  it('escapes hostile titles and strips hostile markup from entry text', async () => {
    const { status, html } = await get(`/entries/${t.fixture.hostileEntryId}`);
    expect(status).toBe(200);
    expectNoHostileMarkup(html);
    expect(html).toContain('Hostile &lt;script&gt;');
    for (const path of ['/', '/outcomes/safe-and-well', '/search?q=hostile', '/search?q=gritting']) {
      expectNoHostileMarkup((await get(path)).html);
    }
    // JSON keeps the text as it is, but can never be read as a page.
    const data = await get('/data/entries.json');
    expect(data.res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(data.res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('drafts are not found', async () => {
    expect((await get(`/entries/${t.fixture.draftEntryId}`)).status).toBe(404);
    expect((await get(`/reports/${t.fixture.draftReportId}`)).status).toBe(404);
  });

  it('places: districts and named places', async () => {
    const list = await get('/places');
    expect(list.status).toBe(200);
    expect(list.html).toMatch(/href="\/places\/E07000133\?period=FY\d{4}-\d{2}"/);
    const melton = await get('/places/E07000133');
    expect(melton.status).toBe(200);
    expect(melton.html).toContain('What we have done in Melton');
    expect(melton.html).toContain('Winter gritting routes extended');
    expect(melton.html).not.toContain(t.fixture.draftTitle);
    expect((await get('/places/named/Loughborough')).html).toContain('Falls prevention');
    expect((await get('/places/named/Atlantis')).status).toBe(404);
    expect((await get('/places/E07000001')).status).toBe(404);
  });

  it('commitments: filter by outcome and status; bad filters are a 400 that says why', async () => {
    const all = await get('/commitments');
    expect(all.html).toContain('Open a new salt depot');
    expect(all.html).toContain('Recruit 50 new foster carers');
    expect(all.html).not.toContain('A commitment still in draft');
    const late = await get('/commitments?status=late');
    expect(late.html).not.toContain('Open a new salt depot');
    expect(late.html).toContain('Recruit 50 new foster carers');
    const byOutcome = await get('/commitments?outcome=great-places');
    expect(byOutcome.html).toContain('Open a new salt depot');
    expect(byOutcome.html).not.toContain('Recruit 50');
    const bad = await get(`/commitments?status=${encodeURIComponent("late' or 1=1 --")}`);
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('status: must be one of');
    expect((await get(`/commitments?outcome=${encodeURIComponent('<script>')}`)).html).not.toContain('<script>"');
  });

  it('search highlights matches and escapes everything else', async () => {
    const { status, html } = await get('/search?q=gritting');
    expect(status).toBe(200);
    expect(html).toContain('<mark>gritting</mark>');
    expect(html).not.toContain('**');
    expect(html).toContain('href="/entries/e-gritting"');
    expect(html).not.toContain(t.fixture.draftTitle);
    expectNoHostileMarkup(html);
    const echoed = await get(`/search?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    expect(echoed.status).toBe(200);
    expect(echoed.html).not.toContain('<script>alert(1)');
    expect(echoed.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const q of ["'; drop table entries; --", '%', '\\', '(((', '"unterminated']) {
      expect((await get(`/search?q=${encodeURIComponent(q)}`)).status).toBe(200);
    }
    expect((await get('/search?q=gritting')).html).toContain('Winter <mark>gritting</mark> routes');
    for (const path of ['/search?q=%00', '/places/named/%00', '/api/entries?place=a%00b']) expect((await get(path)).status, path).toBe(400);
    expect((await get('/search?q=%01gritting%02')).html).toContain('<mark>gritting</mark>');
  });

  it('reports page lists published files; the download is an attachment', async () => {
    const list = await get('/reports');
    expect(list.html).toContain('annual-delivery-report-2024-25.html');
    expect(list.html).not.toContain('draft.pdf');
    expect(list.html).toContain('Version 1, published 30 June 2025, approved by Ada Checker.');
    const file = await app.request(`/reports/${t.fixture.reportId}/annual-delivery-report-2024-25.html`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="annual-delivery-report-2024-25.html"');
  });

  it('rejects a bad page number and pages past the end', async () => {
    expect((await get('/outcomes/safe-and-well?page=abc')).status).toBe(400);
    expect((await get('/outcomes/safe-and-well?page=0')).status).toBe(400);
    expect((await get('/outcomes/safe-and-well?page=99')).status).toBe(404);
  });
});

describe('a new indicator', () => {
  it('shows as not yet due, not missing, until a value is due; then as missing since its due date', async () => {
    const outcomeId = (await t.s.plans.structure()).outcomes.find((o) => o.slug === 'safe-and-well')!.id;
    const created = await t.s.indicators.create({ code: 'NEW01', title: 'Brand new measure', unit: 'count', outcomeId });
    const row = async () => {
      const { html } = await get('/outcomes/safe-and-well');
      const at = html.indexOf('Brand new measure');
      expect(at).toBeGreaterThan(0);
      return html.slice(at, html.indexOf('</tr>', at)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    };
    const before = await row();
    expect(before).toContain('No value yet');
    expect(before).toContain('Not yet due');
    expect(before).not.toContain('Missing');
    // A duty for a period still running, due later: still not due.
    const owner = (await t.s.users.create(SYSTEM_ACTOR, { email: 'owner@test.gov.uk', name: 'Owner', role: 'contributor', password: 'a long enough password 1' })).user;
    await t.s.duties.set(SYSTEM_ACTOR, { subjectType: 'indicator', subjectId: created.id, periodKey: '2099/00', ownerId: owner.id, dueDate: '2100-05-31' });
    expect(await row()).toContain('Not yet due');
    // A period that has ended, its due date passed: now it is missing.
    await t.s.duties.set(SYSTEM_ACTOR, { subjectType: 'indicator', subjectId: created.id, periodKey: '2020/21', ownerId: owner.id, dueDate: '2021-06-30' });
    const after = await row();
    expect(after).toContain('Missing');
    expect(after).toContain('due 30 June 2021');
  });
});

describe('an outcome page’s list of themes', () => {
  it('gives the opening of a long theme summary, and the theme page gives it whole', async () => {
    const outcomeId = (await t.s.site.outcome('safe-and-well', 1)).outcome.id;
    const long = `Open spaces where everyone can walk and play. ${'A sentence of the longer introduction that goes on. '.repeat(12)}The final words.`;
    await t.s.structure.addTheme(SYSTEM_ACTOR, outcomeId, { title: 'Parks and open spaces', summary: long });
    const outcome = await get('/outcomes/safe-and-well');
    const item = /<li><a class="govuk-link" href="\/outcomes\/safe-and-well\/parks-and-open-spaces">Parks and open spaces<\/a>: ([^<]*)<\/li>/.exec(outcome.html);
    expect(item?.[1]).toMatch(/^Open spaces where everyone can walk and play\. A sentence/);
    expect(item![1].endsWith('…')).toBe(true);
    expect(item![1].length).toBeLessThanOrEqual(161);
    expect(outcome.html).not.toContain('The final words.');
    const theme = await get('/outcomes/safe-and-well/parks-and-open-spaces');
    expect(theme.html).toContain('The final words.');
  });
});
