// Two plans' material on the web, from the two real Leicestershire reports (2019/20 under the 2018–22
// plan, 2023/24 under the 2022–26 plan): the administrators' plans page and outcome map, the public
// plan pages, commitments and entries kept to their period on the site and in the API, and a second
// report for a period refused and replaced through the upload form.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import type { User } from '../domain/index.js';
import { services, type Services } from '../services/index.js';
import { SYSTEM_ACTOR } from '../services/policy.js';
import { testStore } from '../../test/helpers/store.js';
import { REPORT_2020, SUMMARY_2024 } from '../../test/helpers/reports.js';
import { BASE, browser, signedIn } from '../../test/helpers/web.js';
import { createApp } from './app.js';
import { addPublishedIndicator } from '../../test/helpers/site-fixture.js';

const PASSWORD = 'a long enough password';
let store: Awaited<ReturnType<typeof testStore>>;
let s: Services;
let app: ReturnType<typeof createApp>;
let users: { admin: User; officer: User };
const file = (path: string) => ({ name: path.split('/').at(-1)!, bytes: new Uint8Array(fs.readFileSync(path)) });

beforeAll(async () => {
  store = await testStore();
  s = services(store, loadConfig({ dataDir: fs.mkdtempSync('/tmp/compendium-test-') }));
  const make = async (email: string, role: User['role']) => (await s.users.create(SYSTEM_ACTOR, { email, name: email.split('@')[0], role, password: PASSWORD })).user;
  users = { admin: await make('admin@test.gov.uk', 'admin'), officer: await make('officer@test.gov.uk', 'performance-officer') };
  for (const [path, title] of [[REPORT_2020, 'Strategic Plan 2018-22'], [SUMMARY_2024, 'Strategic Plan 2022-26']]) {
    const r = await s.imports.run([file(path)], { newPlanTitle: title });
    await s.importBatches.publish(users.officer, r.files[0].batchId!);
  }
  app = createApp(s, { cachePages: false });
}, 120_000);
afterAll(async () => { await store.close(); });

describe('plans in the workspace', () => {
  it('lists the plans with their years, counts and the current one, and makes another current (audited)', async () => {
    const b = await signedIn(app, 'admin@test.gov.uk', PASSWORD);
    const html = await (await b.get('/manage/plans')).text();
    expect(html).toMatch(/Strategic Plan 2018-22[\s\S]*2018–2022[\s\S]*Make current[\s\S]*Strategic Plan 2022-26[\s\S]*2022–2026[\s\S]*Current/);
    expect(html).toContain('href="/manage/plans/strategic-plan-2022-26/map"');
    const earlier = (await s.plans.resolve('strategic-plan-2018-22')).id;
    const r = await b.post(`/manage/plans/${earlier}/current`);
    expect([r.status, r.headers.get('location')]).toEqual([303, '/manage/plans?done=plan-current']);
    expect((await s.plans.summaries()).find((p) => p.current)?.slug).toBe('strategic-plan-2018-22');
    const trail = await s.audit.history(users.admin, 'plan', earlier);
    expect(trail.some((e) => e.userId === users.admin.id && JSON.stringify(e.after).includes('"current":true'))).toBe(true);
    await b.post(`/manage/plans/${(await s.plans.resolve('strategic-plan-2022-26')).id}/current`);
    // Only administrators manage plans.
    const officer = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    expect((await officer.get('/manage/plans')).status).toBe(403);
  });

  it('offers the suggested outcome map, and confirms the map as a person ticked it', async () => {
    const b = await signedIn(app, 'admin@test.gov.uk', PASSWORD);
    const html = await (await b.get('/manage/plans/strategic-plan-2022-26/map')).text();
    expect(html).toContain('No map is confirmed yet');
    const plans = { from: await s.plans.structure('strategic-plan-2018-22'), to: await s.plans.structure('strategic-plan-2022-26') };
    const id = (list: { id: string; title: string }[], title: string) => list.find((o) => o.title.toLowerCase() === title.toLowerCase())!.id;
    const economy = id(plans.from.outcomes, 'A Strong Economy');
    const strong = id(plans.to.outcomes, 'Strong Economy, Transport and Infrastructure');
    // The suggestion is ticked: the 2018-22 "A Strong Economy" continues as the later "Strong Economy, Transport and Infrastructure".
    expect(html).toMatch(new RegExp(`value="${economy} ${strong}" checked`));
    expect(html).toMatch(/Suggested: score \d\.\d\d, titles share/);
    const communities = id(plans.from.outcomes, 'Great Communities');
    const pairs = [`${economy} ${strong}`, `${communities} ${id(plans.to.outcomes, 'Great Communities')}`, `${communities} ${id(plans.to.outcomes, 'Clean and Green')}`];
    const r = await b.post('/manage/plans/strategic-plan-2022-26/map', { pair: pairs });
    expect([r.status, r.headers.get('location')]).toEqual([303, '/manage/plans/strategic-plan-2022-26/map?done=plan-map-confirmed']);
    const map = await s.planMaps.get('strategic-plan-2018-22', 'strategic-plan-2022-26');
    expect(map.lines.map((l) => `${l.from}=${l.to}`).sort()).toEqual(['A Strong Economy=STRONG ECONOMY, TRANSPORT AND INFRASTRUCTURE', 'Great Communities=CLEAN AND GREEN', 'Great Communities=GREAT COMMUNITIES']);
    const after = await (await b.get('/manage/plans/strategic-plan-2022-26/map')).text();
    expect(after).toContain('A map was confirmed');
    const audit = await s.audit.history(users.admin, 'plan', map.to.id);
    expect(audit.some((e) => e.userId === users.admin.id && JSON.stringify(e.after).includes('Great Communities=GREAT COMMUNITIES,CLEAN AND GREEN'))).toBe(true);
    // Nothing ticked, or an outcome of neither plan: one sentence, and the confirmed map stays.
    const none = await b.post('/manage/plans/strategic-plan-2022-26/map', {});
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Choose, for at least one outcome of &quot;Strategic Plan 2018-22&quot;');
    const bad = await b.post('/manage/plans/strategic-plan-2022-26/map', { pair: `${economy} no-such-outcome` });
    expect(bad.status).toBe(400);
    expect((await s.planMaps.get('strategic-plan-2018-22', 'strategic-plan-2022-26')).lines).toHaveLength(3);
    expect((await b.get('/manage/plans/strategic-plan-2018-22/map')).status).toBe(404);
  });
});

describe('the suggested outcome map on the two real reports', () => {
  it('suggests every continuation a person would map, from titles and from where each priority\'s themes went, and none that is not', async () => {
    const r = await s.planMaps.suggest('strategic-plan-2018-22', 'strategic-plan-2022-26');
    const pairs = new Set(r.suggestions.map((x) => `${x.from} => ${x.to.toLowerCase()}`));
    // Labelled by reading both reports: each 2018-22 priority and the later outcomes its work carried on under.
    for (const pair of [
      'A Strong Economy => strong economy, transport and infrastructure',
      'Wellbeing and Opportunity => safe and well', 'Wellbeing and Opportunity => improved opportunities',
      'Keeping People Safe => safe and well',
      'Great Communities => great communities', 'Great Communities => clean and green',
    ]) expect(pairs).toContain(pair);
    for (const pair of ['A Strong Economy => clean and green', 'Great Communities => safe and well', 'Keeping People Safe => strong economy, transport and infrastructure', 'A Strong Economy => great communities']) {
      expect(pairs).not.toContain(pair);
    }
    const split = r.suggestions.find((x) => x.from === 'Great Communities' && x.to === 'CLEAN AND GREEN')!;
    expect(split.reason).toMatch(/\d+% of its themes' content went here/);
  });
});

describe('plans on the public site', () => {
  it('shows the current plan and links to the earlier one, whose page lists its outcomes, themes, years and periods', async () => {
    const b = browser(app);
    const list = await (await b.get('/plans')).text();
    expect(list).toMatch(/works to <a class="govuk-link" href="\/plans\/strategic-plan-2022-26">Strategic Plan 2022-26<\/a>, in force 2022–2026/);
    expect(list).toMatch(/href="\/plans\/strategic-plan-2018-22">Strategic Plan 2018-22<\/a> – 2018–2022, delivery published for 2019\/20/);
    const earlier = await (await b.get('/plans/strategic-plan-2018-22')).text();
    expect(earlier).toContain('An earlier plan');
    expect(earlier).toContain('In force 2018–2022');
    for (const outcome of ['A Strong Economy', 'Great Communities', 'Keeping People Safe']) expect(earlier).toContain(outcome);
    expect(earlier).toMatch(/href="\/commitments\?period=FY2019-20">2019\/20<\/a> – 282 published entries/);
    expect(await (await b.get('/')).text()).toContain('href="/plans"');
    expect((await b.get('/plans/no-such-plan')).status).toBe(404);
  });
});

describe('kept to its period', () => {
  it('lists a period’s commitments from the plan in force then, made in or before it, with the status they had at its end', async () => {
    const b = browser(app);
    const then = await (await b.get('/commitments?period=2019/20')).text();
    expect(then).toContain('Commitments as they stood at the end of 2019/20');
    expect(then).toContain('These are the promises of Strategic Plan 2018-22 made in or before 2019/20');
    // The 2024 summary's promise of buses by 2026 belongs to the later plan, not to 2019/20.
    const summaryPromises = (await s.site.commitments({ period: '2023/24' })).commitments.map((c) => c.text);
    expect(summaryPromises.length).toBeGreaterThan(0);
    for (const text of summaryPromises) expect(then).not.toContain(text.slice(0, 60).replace(/&/g, '&amp;'));
    // On 31 March 2020 nothing due later was late yet; today most of the 2020 promises are overdue.
    const atEnd = await s.site.commitments({ period: '2019/20', onDay: '2026-12-07' });
    const lateThen = atEnd.commitments.filter((c) => c.status === 'late' && (c.dueEnd ?? c.dueStart)! >= '2020-03-31');
    expect(lateThen).toEqual([]);
    expect(atEnd.commitments.length).toBeGreaterThan(20);
    const api = await (await b.get('/api/commitments?period=FY2019-20')).json() as { text: string; status: string }[];
    expect(api.map((c) => c.text).sort()).toEqual(atEnd.commitments.map((c) => c.text).sort());
    expect(then).toMatch(/href="\/commitments\?period=FY2023-24">2023\/24<\/a>/);
  });

  it('shows a year on the home page under the plan in force then, offers the other years, and says when a year has no indicator values', async () => {
    const b = browser(app);
    const then = await (await b.get('/?period=2019/20')).text();
    expect(then).toContain('Showing 2019/20 under Strategic Plan 2018-22, the plan in force then.');
    expect(then).toContain('There are no indicator values for 2019/20 yet.');
    expect(then).toContain('href="/outcomes/a-strong-economy?period=FY2019-20"');
    expect(await (await b.get('/outcomes/a-strong-economy?period=FY2019-20')).text()).toContain('A Strong Economy');
    // Each outcome's count of that year's entries; together, every published entry the 2020 report gave.
    const counts = [...then.matchAll(/<strong>(\d+) entr(?:y|ies)<\/strong> published for 2019\/20/g)].map((m) => Number(m[1]));
    expect(counts).toHaveLength(5);
    const published = (await store.db.execute(sql`select count(*)::int as n from entries e join plans p on p.id = e.plan_id where p.title = 'Strategic Plan 2018-22' and e.workflow_state = 'published' and e.outcome_id is not null`)) as unknown as { rows: { n: number }[] };
    expect(counts.reduce((a, b) => a + b, 0)).toBe(published.rows[0].n);
    expect(then).toContain('href="/?period=FY2023-24"');
    const now = await (await b.get('/')).text();
    expect(now).toContain('Strategic Plan 2022-26');
    expect(now).toContain('href="/?period=FY2019-20"');
    expect((await b.get('/?period=someday')).status).toBe(400);
  });

  it('answers an API question about an earlier period from the plan in force then', async () => {
    const b = browser(app);
    const r = await (await b.get('/api/entries?period=FY2019-20&pageSize=5')).json() as { total: number; entries: { periodKey: string }[] };
    expect(r.total).toBe(282);
    expect(r.entries.every((e) => e.periodKey === 'FY2019-20')).toBe(true);
    const later = await (await b.get('/api/entries?period=FY2023-24&pageSize=5')).json() as { total: number };
    expect(later.total).toBe(206);
    expect((await b.get('/api/commitments?period=someday')).status).toBe(400);
    const plan = await (await b.get('/api/plan?period=2019/20')).json() as { title: string; outcomes: { slug: string }[] };
    expect(plan.title).toBe('Strategic Plan 2018-22');
    expect(((await (await b.get('/api/plan')).json()) as { title: string }).title).toBe('Strategic Plan 2022-26');
  });
});

describe('every public output kept to its period', () => {
  const entryOf = async (planTitle: string) => {
    const r = await store.db.execute(sql`select e.id, o.slug from entries e join plans p on p.id = e.plan_id join outcomes o on o.id = e.outcome_id join entry_places ep on ep.entry_id = e.id
      where p.title = ${planTitle} and e.workflow_state = 'published' order by e.id limit 1`) as unknown as { rows: { id: string; slug: string }[] };
    return r.rows[0];
  };

  it('shows an entry of the earlier plan, saying its year and plan, with its links kept to that year', async () => {
    const b = browser(app);
    const { id, slug } = await entryOf('Strategic Plan 2018-22');
    const res = await b.get(`/entries/${id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Reported for <a class="govuk-link" href="/?period=FY2019-20">2019/20</a> under <a class="govuk-link" href="/plans/strategic-plan-2018-22">Strategic Plan 2018-22</a> (2018–2022), an earlier plan.');
    expect(html).toContain(`href="/outcomes/${slug}?period=FY2019-20"`);
    expect(html).toMatch(/href="\/places\/named\/[^"]+\?period=FY2019-20"/);
    const api = await (await b.get(`/api/entries/${id}`)).json() as { periodKey: string; plan: { slug: string } };
    expect([api.periodKey, api.plan.slug]).toEqual(['FY2019-20', 'strategic-plan-2018-22']);
    const later = await (await b.get(`/entries/${(await entryOf('Strategic Plan 2022-26')).id}`)).text();
    expect(later).toMatch(/Reported for <a[^>]*>2023\/24<\/a> under <a[^>]*>Strategic Plan 2022-26<\/a> \(2022–2026\)\./);
  });

  it('counts places for one period, the latest with delivery by default, and says what the period lacks', async () => {
    const b = browser(app);
    const now = await (await b.get('/places')).text();
    expect(now).toContain('Showing the delivery published for 2023/24, under <a class="govuk-link" href="/plans/strategic-plan-2022-26">Strategic Plan 2022-26</a>.');
    expect(now).toContain('There are no indicator values for 2023/24 yet; delivery was published for it.');
    expect(now).toContain('href="/places?period=FY2019-20"');
    const then = await (await b.get('/places?period=2019/20')).text();
    expect(then).toContain('the plan in force then.');
    expect(then).toContain('href="/places/named/Loughborough?period=FY2019-20"');
    expect(now).not.toContain('/places/named/Loughborough');
    const api = async (period: string) => (await (await b.get(`/api/places?period=${period}`)).json()) as { periodKey: string; plan: { slug: string }; places: { name: string; entries: number; url: string }[] };
    const [p2019, p2023] = [await api('FY2019-20'), await api('FY2023-24')];
    expect([p2019.periodKey, p2019.plan.slug, p2023.plan.slug]).toEqual(['FY2019-20', 'strategic-plan-2018-22', 'strategic-plan-2022-26']);
    // Each count is of that year's published entries naming the place, and the place's page lists exactly those.
    const melton = (list: typeof p2019.places) => list.find((p) => p.name === 'Melton Mowbray')!;
    const count = async (period: string) => ((await (await b.get(`/api/entries?period=${period}&place=Melton%20Mowbray&pageSize=1`)).json()) as { total: number }).total;
    expect(melton(p2019.places).entries).toBe(await count('FY2019-20'));
    expect(melton(p2023.places).entries).toBe(await count('FY2023-24'));
    // A place named only in the 2020 report is not counted for 2023/24.
    expect(p2019.places.some((p) => p.name === 'Loughborough' && p.entries > 0)).toBe(true);
    expect(p2023.places.some((p) => p.name === 'Loughborough')).toBe(false);
    const page = await (await b.get(melton(p2019.places).url)).text();
    expect(page).toMatch(new RegExp(`${melton(p2019.places).entries} published entr(y|ies), newest first`));
    expect(page).toContain('Showing the delivery published for 2019/20, under <a class="govuk-link" href="/plans/strategic-plan-2018-22">Strategic Plan 2018-22</a>, the plan in force then.');
  });

  it('searches one period, or every year with each result saying its year', async () => {
    const b = browser(app);
    type Hits = { total: number; periodKey: string | null; hits: { type: string; periodKey: string | null; url: string }[] };
    const search = async (query: string) => (await (await b.get(`/api/search?q=melton&limit=100${query}`)).json()) as Hits;
    const [every, then, later] = [await search(''), await search('&period=2019/20'), await search('&period=FY2023-24')];
    const periods = (h: Hits) => new Set(h.hits.filter((x) => x.type === 'entry').map((x) => x.periodKey));
    expect([...periods(every)].sort()).toEqual(['FY2019-20', 'FY2023-24']);
    expect([then.periodKey, [...periods(then)]]).toEqual(['FY2019-20', ['FY2019-20']]);
    expect([...periods(later)]).toEqual(['FY2023-24']);
    expect(then.total + later.total).toBe(every.total);
    const html = await (await b.get('/search?q=melton&period=FY2019-20')).text();
    expect(html).toContain('Searching what was published for 2019/20, under Strategic Plan 2018-22');
    expect(html).toContain('Entry, 2019/20');
    expect(html).not.toContain('Entry, 2023/24');
    expect(await (await b.get('/search?q=melton')).text()).toContain('Searching every year and plan; each result says the year it is from.');
  });

  it('gives each open-data file for a period, under the plan in force then, named for it', async () => {
    const b = browser(app);
    const res = await b.get('/data/entries.csv?period=2019/20');
    expect(res.headers.get('content-disposition')).toContain('filename="entries-FY2019-20.csv"');
    const lines = (await res.text()).trim().split(/\r?\n(?=[0-9a-f]{8}-)/);
    expect(lines).toHaveLength(283);
    const entries = await (await b.get('/data/entries.json?period=FY2023-24')).json() as { periodKey: string }[];
    expect(entries).toHaveLength(206);
    expect(new Set(entries.map((e) => e.periodKey))).toEqual(new Set(['FY2023-24']));
    const commitments = await (await b.get('/data/commitments.json?period=FY2019-20')).json() as { text: string }[];
    expect(commitments.map((c) => c.text).sort()).toEqual((await s.site.commitments({ period: 'FY2019-20' })).commitments.map((c) => c.text).sort());
    expect((await b.get('/data/entries.csv?period=someday')).status).toBe(400);
    expect(await (await b.get('/reports')).text()).toContain('href="/data/entries.csv?period=FY2019-20"');
  });

  it('shows the compendium for a period with delivery but no values, saying so, and keeps outcome pages to a period', async () => {
    const html = await (await browser(app).get('/compendium?period=2019/20')).text();
    expect(html).toContain('There are no indicator values for 2019/20 yet; delivery was published for it.');
    expect(html).toContain('<option value="FY2019-20" selected>2019/20</option>');
    const outcome = await (await browser(app).get('/outcomes/great-communities?period=FY2023-24')).text();
    expect(outcome).toContain('Showing what was published for 2023/24, under <a class="govuk-link" href="/plans/strategic-plan-2022-26">Strategic Plan 2022-26</a>.');
    // Other years are offered only where the plan in force has the outcome: "A Strong Economy" is not an outcome of the later plan.
    expect(await (await browser(app).get('/outcomes/great-communities?period=FY2019-20')).text()).toContain('href="/outcomes/great-communities?period=FY2023-24"');
    const economy = await (await browser(app).get('/outcomes/a-strong-economy?period=FY2019-20')).text();
    expect(economy).not.toContain('period=FY2023-24');
    expect(economy).toMatch(/<a class="govuk-breadcrumbs__link" href="\/\?period=FY2019-20">Home<\/a>/);
    const [inPeriod, every] = [await s.site.outcome('great-communities', 1, 'FY2023-24'), await s.site.outcome('great-communities', 1)];
    expect(inPeriod.entries.entries.every((e) => e.periodKey === 'FY2023-24')).toBe(true);
    expect(inPeriod.entries.total).toBe(every.entries.total);
  });

  it('caches each period’s page under its own address', async () => {
    const cached = createApp(s);
    const [now, then] = [await (await cached.request(`${BASE}/places`)).text(), await (await cached.request(`${BASE}/places?period=FY2019-20`)).text()];
    expect(now).toContain('Showing the delivery published for 2023/24');
    expect(then).toContain('Showing the delivery published for 2019/20');
    const again = await cached.request(`${BASE}/places?period=FY2019-20`);
    expect(again.headers.get('x-cache')).toBe('hit');
    expect(await again.text()).toContain('Showing the delivery published for 2019/20');
  });
});

describe('the default period: the latest with published delivery or values, whatever plan is current', () => {
  it('gives every page, API answer and open-data file 2023/24 under the plan in force in it, even with the earlier plan current', async () => {
    const b = browser(app);
    await s.plans.setCurrent('strategic-plan-2018-22');
    try {
      const outcome = await (await b.get('/outcomes/great-communities')).text();
      expect(outcome).toContain('Showing what was published for 2023/24, under <a class="govuk-link" href="/plans/strategic-plan-2022-26">Strategic Plan 2022-26</a>, the plan in force then. 2023/24 is the latest year with published delivery or indicator values.');
      expect(outcome).toContain('There are no indicator values for 2023/24 yet; delivery was published for it.');
      const theme = (await s.plans.structure('strategic-plan-2022-26')).outcomes.find((o) => o.slug === 'great-communities')!.themes[0];
      if (theme) expect(await (await b.get(`/outcomes/great-communities/${theme.slug}`)).text()).toContain('Showing what was published for 2023/24, under <a class="govuk-link" href="/plans/strategic-plan-2022-26">');
      const commitments = await (await b.get('/commitments')).text();
      expect(commitments).toContain('These are the promises of Strategic Plan 2022-26 made in or before 2023/24, the latest year with published delivery or indicator values, as they stand today');
      const home = await (await b.get('/')).text();
      expect(home).toContain('Showing 2023/24, the latest year with published delivery or figures, under Strategic Plan 2022-26, the plan in force then.');
      expect(((await (await b.get('/api/plan')).json()) as { title: string }).title).toBe('Strategic Plan 2022-26');
      const entries = await (await b.get('/api/entries?pageSize=5')).json() as { total: number; entries: { periodKey: string }[] };
      expect([entries.total, entries.entries.every((e) => e.periodKey === 'FY2023-24')]).toEqual([206, true]);
      const later = (await s.site.commitments({ period: 'FY2023-24' })).commitments.map((c) => c.text).sort();
      expect(((await (await b.get('/api/commitments')).json()) as { text: string }[]).map((c) => c.text).sort()).toEqual(later);
      const file = await b.get('/data/entries.csv');
      expect(file.headers.get('content-disposition')).toContain('filename="entries-FY2023-24.csv"');
      // The reports service takes the same default: the 2023/24 report of the plan in force then.
      const meta = (await s.reports.model({ draft: false })).meta;
      expect([meta.periodKey, meta.planTitle]).toEqual(['FY2023-24', 'Strategic Plan 2022-26']);
      // A report of the earlier plan without a period is of that plan's latest year, not a year after it.
      expect((await s.reports.model({ draft: false, planId: 'strategic-plan-2018-22' })).meta.periodKey).toBe('FY2019-20');
    } finally {
      await s.plans.setCurrent('strategic-plan-2022-26');
    }
  });
});

describe('commitments kept to the period on outcome and entry pages', () => {
  it('shows no promise made after the period, and a status set later only as "now"', async () => {
    const b = browser(app);
    // The later plan was in force in 2022/23, but its promises were made in the 2023/24 summary.
    const later = (await s.site.commitments({ period: 'FY2023-24' })).commitments.filter((c) => c.outcomeSlug);
    expect(later.length).toBeGreaterThan(0);
    const slug = later[0].outcomeSlug!;
    const before = await s.site.outcome(slug, 1, 'FY2022-23');
    expect(before.commitments).toEqual([]);
    expect((await s.site.outcome(slug, 1, 'FY2023-24')).commitments.length).toBeGreaterThan(0);
    // A 2020 promise marked delivered in 2024: open at the end of 2019/20 on the outcome page; both on its entry's page.
    const r = await store.db.execute(sql`select c.id, c.entry_id as "entryId", o.slug from commitments c join plans p on p.id = c.plan_id join outcomes o on o.id = c.outcome_id
      join entries e on e.id = c.entry_id where p.title = 'Strategic Plan 2018-22' and c.workflow_state = 'published' and e.workflow_state = 'published'
      and (c.due_end is null or c.due_end > '2020-03-31') order by c.id limit 1`) as unknown as { rows: { id: string; entryId: string; slug: string }[] };
    const promise = r.rows[0];
    const was = await store.db.execute(sql`select status, status_set_on::text as "setOn" from commitments where id = ${promise.id}`) as unknown as { rows: { status: string; setOn: string | null }[] };
    await store.db.execute(sql`update commitments set status = 'delivered', status_set_on = '2024-01-10' where id = ${promise.id}`);
    try {
      const then = await s.site.outcome(promise.slug, 1, 'FY2019-20');
      expect(then.commitments.find((c) => c.id === promise.id)?.status).toBe('open');
      const entry = await s.site.entry(promise.entryId);
      expect(entry.commitments.find((c) => c.id === promise.id)).toMatchObject({ statusThen: 'open', status: 'delivered', statusSetOn: '2024-01-10' });
      const html = await (await b.get(`/entries/${promise.entryId}`)).text();
      expect(html).toMatch(/At the end of 2019\/20:<\/span> <strong class="app-status app-status--open">[\s\S]*?Now:<\/span> <strong class="app-status app-status--delivered">[\s\S]*?\(since 10 January 2024\)/);
      const api = await (await b.get(`/api/entries/${promise.entryId}`)).json() as { commitments: { id: string; status: string; statusThen: string | null }[] };
      expect(api.commitments.find((c) => c.id === promise.id)).toMatchObject({ status: 'delivered', statusThen: 'open' });
    } finally {
      await store.db.execute(sql`update commitments set status = ${was.rows[0].status}, status_set_on = ${was.rows[0].setOn} where id = ${promise.id}`);
    }
  });
});

describe('indicators of an earlier plan', () => {
  it('finds an indicator of the 2018-22 plan by its code, with or without a period, and says which plan', async () => {
    const economy = (await s.plans.structure('strategic-plan-2018-22')).outcomes.find((o) => o.slug === 'a-strong-economy')!;
    await addPublishedIndicator(store, { id: 'i-earlier', code: 'EC01', title: 'Business rates growth', outcomeId: economy.id, periodKey: 'FY2019-20', value: 2.5 });
    const b = browser(app);
    const page = await b.get('/indicators/EC01');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('An indicator of <a class="govuk-link" href="/plans/strategic-plan-2018-22">Strategic Plan 2018-22</a> (2018–2022), an earlier plan.');
    expect((await b.get('/indicators/EC01?period=FY2019-20')).status).toBe(200);
    const api = await b.get('/api/indicators/EC01?period=FY2019-20');
    expect(api.status).toBe(200);
    expect((await s.site.indicator('EC01', 'FY2019-20')).plan.slug).toBe('strategic-plan-2018-22');
    expect((await b.get('/indicators/NO-SUCH')).status).toBe(404);
  });
});

describe('a second report for a period in the upload form', () => {
  const upload = async (b: Awaited<ReturnType<typeof signedIn>>, name: string, text: string, fields: Record<string, string> = {}) => {
    const fd = new FormData();
    fd.append('_csrf', b.csrf);
    fd.append('report', new File([text], name, { type: 'text/plain' }));
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return app.request(`${BASE}/manage/uploads/report`, { method: 'POST', headers: { cookie }, body: fd });
  };

  it('refuses it in the form’s own words, and offers to replace the earlier report', async () => {
    const b = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const form = await (await b.get('/manage/uploads')).text();
    expect(form).toContain('Replace the earlier report for this period');
    expect(form).toContain('Title for a new plan (optional)');
    const text = 'Great Communities\n\nA new museum opened in Melton.\n';
    const refused = await upload(b, 'revised-2020.txt', text);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('revised-2020.txt covers 2019/20, for which leicestershire-annual-delivery-report-2020.txt is already imported into &quot;Strategic Plan 2018-22&quot;: choose “Replace the earlier report for this period” and upload it again to replace it');
    expect(html).not.toMatch(/--replace|--new-plan|--year/);
    const preview = await upload(b, 'revised-2020.txt', text, { replace: 'yes' });
    expect(preview.status).toBe(200);
    const token = /name="token" value="([^"]+)"/.exec(await preview.text())![1];
    const done = await b.post('/manage/uploads/report/confirm', { token, section: ['Great Communities'], outcome: [''] });
    expect(done.status).toBe(303);
    const plan = (await s.plans.summaries()).find((p) => p.slug === 'strategic-plan-2018-22')!;
    expect([plan.counts.reports, plan.counts.entries]).toEqual([1, 1]);
  });
});
