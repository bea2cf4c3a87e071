// Route tests for the workspace's rough edges (issue 15): what a contributor, a reviewer and a viewer
// meet when a team runs a year on it, through the real app on a throw-away database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manageApp, type ManageApp, type ManageRole } from '../../../test/helpers/manage.js';
import { locationOf } from '../../../test/helpers/web.js';

let w: ManageApp;
beforeAll(async () => { w = await manageApp(); });
afterAll(async () => { await w.close(); });

const as = (who: ManageRole) => w.as(who);
/** The text of a page without its tags, spaces squeezed: what a reader sees. */
const textOf = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');

describe('a contributor entering values', () => {
  it('refuses a value for a period that has not ended, keeping what was typed', async () => {
    const contributor = await as('contributor');
    const r = await contributor.post('/manage/values', { indicatorId: w.indicators[0].id, periodKey: '2030/31', value: '48.7', status: 'final' });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(textOf(html)).toContain('2030/31 has not ended yet (it ends on 31 March 2031)');
    expect(html).toContain('value="48.7"');
    expect(await w.s.values.list(w.users.admin, { indicatorId: w.indicators[0].id })).toEqual([]);
  });

  it('explains, with the typed value kept, when the period’s value is already submitted; withdrawing lets it be changed', async () => {
    const contributor = await as('contributor');
    const saved = await contributor.post('/manage/values', { indicatorId: w.indicators[0].id, periodKey: '2022/23', value: '60', status: 'final' });
    const url = locationOf(saved).split('?')[0];
    await contributor.post(`${url}/workflow`, { step: 'submit' });
    const again = await contributor.post('/manage/values', { indicatorId: w.indicators[0].id, periodKey: '2022/23', value: '61.5', status: 'final' });
    expect(again.status).toBe(400);
    const html = await again.text();
    expect(html).toContain('value="61.5"');
    expect(textOf(html)).toContain('IND1 for 2022/23 is already submitted for approval: withdraw the submission');
    expect(html).not.toContain('does not allow');

    const page = await (await contributor.get(url)).text();
    expect(page).toContain('Withdraw the submission');
    expect(locationOf(await contributor.post(`${url}/workflow`, { step: 'withdraw' }))).toContain('done=value-withdraw');
    expect((await contributor.post('/manage/values', { indicatorId: w.indicators[0].id, periodKey: '2022/23', value: '61.5', status: 'final' })).status).toBe(303);
    const key = { indicatorId: w.indicators[0].id, areaCode: 'E10000018', periodKey: 'FY2022-23' };
    expect((await w.s.values.get(w.users.admin, key)).observation).toMatchObject({ value: 61.5, workflowState: 'draft' });
  });

  it('offers a revision route when the value is published', async () => {
    const officer = await as('officer');
    const saved = await officer.post('/manage/values', { indicatorId: w.indicators[0].id, periodKey: '2021/22', value: '55', status: 'final' });
    const url = locationOf(saved).split('?')[0];
    for (const step of ['submit', 'approve']) await officer.post(`${url}/workflow`, { step });
    await officer.post(`${url}/workflow`, { step: 'publish', confirm: 'yes' });
    const contributor = await as('contributor');
    const r = await contributor.post('/manage/values', { indicatorId: w.indicators[0].id, periodKey: '2021/22', value: '56', status: 'final' });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(textOf(html)).toContain('already published: ask a performance officer to take it off the public site so you can enter a revision');
    expect(html).toContain('value="56"');
  });

  it('lets a contributor delete a draft value, and no one delete a submitted one', async () => {
    const contributor = await as('contributor');
    const saved = await contributor.post('/manage/values', { indicatorId: w.indicators[0].id, periodKey: '2020/21', value: '12', status: 'final' });
    const url = locationOf(saved).split('?')[0];
    expect(await (await contributor.get(url)).text()).toContain('Delete this draft value');
    expect((await contributor.get(`${url}/delete`)).status).toBe(200);
    expect(locationOf(await contributor.post(`${url}/delete`))).toBe('/manage/values?done=value-deleted');
    expect((await contributor.get(url)).status).toBe(404);

    const other = await contributor.post('/manage/values', { indicatorId: w.indicators[0].id, periodKey: '2019/20', value: '12', status: 'final' });
    const otherUrl = locationOf(other).split('?')[0];
    await contributor.post(`${otherUrl}/workflow`, { step: 'submit' });
    expect((await contributor.post(`${otherUrl}/delete`)).status).toBe(403);
    const viewer = await as('viewer');
    expect((await viewer.post(`${otherUrl}/delete`)).status).toBe(403);
    expect(await (await viewer.get(otherUrl)).text()).not.toContain('Withdraw the submission');
  });
});

describe('a contributor withdrawing an entry', () => {
  it('takes a submitted entry back to draft; a viewer cannot', async () => {
    const contributor = await as('contributor');
    const created = await contributor.post('/manage/entries', { title: 'Resurfaced Mill Lane', kind: 'achievement', outcomeId: w.outcomes[0].id, service: 'Highways', body: 'Done.' });
    const url = locationOf(created).split('?')[0];
    await contributor.post(`${url}/workflow`, { step: 'submit' });
    const viewer = await as('viewer');
    expect((await viewer.post(`${url}/workflow`, { step: 'withdraw' })).status).toBe(403);
    expect(locationOf(await contributor.post(`${url}/workflow`, { step: 'withdraw' }))).toContain('done=entry-withdraw');
    expect((await contributor.get(`${url}/edit`)).status).toBe(200);
  });
});

describe('a reviewer', () => {
  it('is asked to confirm before publishing', async () => {
    const officer = await as('officer');
    const created = await officer.post('/manage/entries', { title: 'Opened a library', kind: 'achievement', outcomeId: w.outcomes[0].id, body: 'It opened.' });
    const url = locationOf(created).split('?')[0];
    await officer.post(`${url}/workflow`, { step: 'submit' });
    await officer.post(`${url}/workflow`, { step: 'approve' });
    const ask = await officer.post(`${url}/workflow`, { step: 'publish' });
    expect(ask.status).toBe(200);
    const html = await ask.text();
    expect(html).toContain('Publish this entry?');
    expect(html).toContain('Yes, publish it');
    expect((await w.s.entries.get(w.users.admin, url.split('/').pop()!)).entry.workflowState).toBe('approved');
    expect(locationOf(await officer.post(`${url}/workflow`, { step: 'publish', confirm: 'yes' }))).toContain('done=entry-publish');
  });

  it('keeps the entry’s outcome on the page when returning without a comment', async () => {
    const contributor = await as('contributor');
    const created = await contributor.post('/manage/entries', { title: 'Filled potholes', kind: 'achievement', outcomeId: w.outcomes[0].id, service: 'Highways', body: 'Filled.' });
    const url = locationOf(created).split('?')[0];
    await contributor.post(`${url}/workflow`, { step: 'submit' });
    const officer = await as('officer');
    const r = await officer.post(`${url}/workflow`, { step: 'return', comment: '' });
    expect(r.status).toBe(400);
    const text = textOf(await r.text());
    expect(text).toContain('Enter a comment for the author');
    expect(text).toContain(`Outcome ${w.outcomes[0].title}`);
  });
});

describe('wayfinding', () => {
  it('leads the workspace’s name to the workspace, and offers account and sign-out in the footer', async () => {
    const html = await (await (await as('officer')).get('/manage/entries')).text();
    expect(html).toMatch(/<a href="\/manage" class="govuk-service-navigation__link"[^>]*>\s*Staff workspace/);
    const footer = html.slice(html.indexOf('govuk-footer'));
    expect(footer).toContain('Sign out');
    expect(footer).toContain('href="/manage/account"');
    expect(footer).not.toContain('Staff sign in');
  });

  it('keeps the navigation to everyday sections, with administration grouped on a page of its own', async () => {
    const admin = await as('admin');
    const html = await (await admin.get('/manage/users')).text();
    const nav = html.slice(html.indexOf('govuk-service-navigation__list'), html.indexOf('</nav>', html.indexOf('govuk-service-navigation__list')));
    expect((nav.match(/<li class="govuk-service-navigation__item/g) ?? []).length).toBeLessThanOrEqual(8);
    expect(nav).toMatch(/govuk-service-navigation__item--active[^>]*>\s*<a[^>]*href="\/manage\/admin"/);
    const page = textOf(await (await admin.get('/manage/admin')).text());
    for (const section of ['Uploads', 'Audit', 'Users', 'Plan', 'Settings']) expect(page).toContain(section);
    expect(textOf(await (await (await as('officer')).get('/manage/admin')).text())).not.toContain('Settings');
  });

  it('does not offer a viewer actions they cannot take', async () => {
    const html = await (await (await as('viewer')).get('/manage')).text();
    expect(html).not.toContain('Write a new entry');
    expect(html).not.toContain('Enter an indicator value');
    const contributor = await (await (await as('contributor')).get('/manage')).text();
    expect(contributor).toContain('Write a new entry');
  });
});

describe('the approval queue', () => {
  it('says who submitted each entry and when', async () => {
    const contributor = await as('contributor');
    const created = await contributor.post('/manage/entries', { title: 'Gritted the hill roads', kind: 'update', outcomeId: w.outcomes[0].id, service: 'Highways', body: 'Gritted.' });
    await contributor.post(`${locationOf(created).split('?')[0]}/workflow`, { step: 'submit' });
    const html = await (await (await as('officer')).get('/manage')).text();
    const row = textOf(html.slice(html.indexOf('Gritted the hill roads'), html.indexOf('</tr>', html.indexOf('Gritted the hill roads'))));
    expect(html).toContain('Submitted by');
    expect(row).toContain('contributor');
    expect(row).toMatch(/\d{1,2} [A-Z][a-z]+ 20\d\d/);
  });
});

describe('forms', () => {
  it('pre-selects no entry type and no role', async () => {
    const entryForm = await (await (await as('contributor')).get('/manage/entries/new')).text();
    expect(entryForm).toContain('name="kind"');
    expect(entryForm).not.toMatch(/name="kind"[^>]*checked/);
    const userForm = await (await (await as('admin')).get('/manage/users/new')).text();
    expect(userForm).toContain('name="role"');
    expect(userForm).not.toMatch(/name="role"[^>]*checked/);
  });
});

describe('the audit trail', () => {
  it('names each record, and says a role change from what to what', async () => {
    const admin = await as('admin');
    const u = w.users.otherContributor;
    await w.s.users.update(w.users.admin, u.id, { role: 'viewer' });
    await w.s.entries.create(w.users.officer, { title: 'Planted 400 trees', kind: 'achievement', body: 'Trees.' });
    const html = await (await admin.get('/manage/audit')).text();
    const text = textOf(html);
    expect(text).toContain('Role changed from contributor to viewer');
    expect(text).toContain(`User: ${u.email}`);
    expect(text).toContain('Entry: Planted 400 trees');
    const csv = await (await admin.get('/manage/audit/export.csv?type=user')).text();
    expect(csv).toContain('role: contributor → viewer');
    expect(csv).not.toContain('"{');
  });
});

describe('tables on narrow screens', () => {
  it('puts every table in a labelled region that scrolls on its own', async () => {
    for (const path of ['/manage', '/manage/values', '/manage/entries', '/manage/audit']) {
      const html = await (await (await as('admin')).get(path)).text();
      const tables = html.match(/<table\b/g) ?? [];
      const regions = html.match(/<div class="app-table-wrap" tabindex="0" role="region" aria-label(ledby)?="[^"]+">\s*<table\b/g) ?? [];
      expect(regions.length, path).toBe(tables.length);
    }
  });
});

describe('figures, places and partners of an entry written on the web', () => {
  const body = 'The repair café in Melton fixed 300 items and saved £2,400 with Age UK. 85% of visitors came back within 6 months, and 12 volunteers joined.';

  it('finds the figures in the text with the import extractor, and lets them be corrected, removed and added by hand', async () => {
    const contributor = await as('contributor');
    const created = await contributor.post('/manage/entries', { title: 'Repair café', kind: 'achievement', outcomeId: w.outcomes[0].id, service: 'Highways', body });
    const url = locationOf(created).split('?')[0];
    const id = url.split('/').pop()!;
    const found = (await w.s.entries.get(w.users.admin, id)).facts;
    expect(found.map((f) => f.text)).toEqual(expect.arrayContaining(['300 items', '£2,400', '85%', '6 months', '12 volunteers']));
    const page = textOf(await (await contributor.get(url)).text());
    expect(page).toContain('Figures in the text');
    expect(page).toContain('300 items');

    const items = found.find((f) => f.text === '300 items')!;
    const bad = await contributor.post(`${url}/facts/${items.id}`, { text: '300 items', kind: 'count', value: 'lots', unit: 'items' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('value="lots"');
    expect(locationOf(await contributor.post(`${url}/facts/${items.id}`, { text: '300 items', kind: 'count', value: '310', unit: 'items repaired' }))).toContain('done=fact-saved');
    const money = found.find((f) => f.text === '£2,400')!;
    await contributor.post(`${url}/facts/${money.id}/delete`);
    await contributor.post(`${url}/facts`, { text: 'Age UK', kind: 'count', value: '1', unit: 'partner' });
    const after = (await w.s.entries.get(w.users.admin, id)).facts;
    expect(after.find((f) => f.id === items.id)).toMatchObject({ value: 310, unit: 'items repaired' });
    expect(after.some((f) => f.text === '£2,400')).toBe(false);
    expect(after.find((f) => f.text === 'Age UK')).toMatchObject({ value: 1, start: body.indexOf('Age UK') });

    // Asked to, it finds them all again from the text, with the places and partners the text names.
    expect(locationOf(await contributor.post(`${url}/suggest`))).toContain('done=facts-suggested');
    const again = await w.s.entries.get(w.users.admin, id);
    expect(again.facts.map((f) => f.text)).toContain('£2,400');
    expect(again.entry.partners).toContain('Age UK');
    expect(again.places.map((p) => p.name)).toContain('Melton');

    const viewer = await as('viewer');
    expect((await viewer.post(`${url}/suggest`)).status).toBe(403);
    expect((await viewer.post(`${url}/facts/${items.id}/delete`)).status).toBe(403);
  });
});

describe('a published entry on the public site', () => {
  it('says what its figures are in words and links the indicators it talks about', async () => {
    const officer = await as('officer');
    const created = await officer.post('/manage/entries', {
      title: 'Roads in better repair', kind: 'achievement', outcomeId: w.outcomes[0].id,
      body: 'About 85% of roads are now in good repair (IND1), up from 70% in 2023/24, after 14 weeks of work.',
    });
    const url = locationOf(created).split('?')[0];
    for (const step of ['submit', 'approve']) await officer.post(`${url}/workflow`, { step });
    await officer.post(`${url}/workflow`, { step: 'publish', confirm: 'yes' });
    const html = await (await w.app.request(`http://localhost/entries/${url.split('/').pop()}`)).text();
    const text = textOf(html);
    expect(text).toContain('Percentage, about');
    expect(text).toContain('Length of time');
    expect(text).not.toMatch(/\b(percent|period|duration) \(approximate\)|\bperiod \/ date\b/);
    expect(html).toContain(`href="/indicators/IND1"`);
    expect(html).not.toContain(`href="/indicators/IND2"`);
  });
});

describe('the staff dashboard’s charts', () => {
  it('draws open reporting duties by owner as an accessible figure with its data table', async () => {
    await w.s.duties.set(w.users.admin, { subjectType: 'indicator', subjectId: w.indicators[1].id, periodKey: '2018/19', ownerId: w.users.contributor.id, dueDate: '2019-06-30' });
    const html = await (await (await as('viewer')).get('/manage')).text();
    const figure = html.slice(html.indexOf('id="chart-duties-by-owner"'));
    const svg = /<svg[^>]*>/.exec(figure)![0];
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="chart-duties-by-owner-title chart-duties-by-owner-desc"');
    expect(textOf(figure)).toMatch(/1 reporting duty is overdue/);
    expect(textOf(figure)).toMatch(/Data: Open reporting duties by owner Owner Due Overdue contributor 0 1/);
  });
});

describe('error summaries', () => {
  it('give one message per field, in the order of the fields on the page', async () => {
    const officer = await as('officer');
    const html = await (await officer.post('/manage/indicators', {})).text();
    expect(html).not.toContain('Invalid option');
    expect(textOf(html)).toContain('Choose whether higher or lower is better');
    const summary = html.slice(html.indexOf('govuk-error-summary__list'), html.indexOf('</ul>', html.indexOf('govuk-error-summary__list')));
    const hrefs = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(1);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    const positions = hrefs.map((h) => html.indexOf(`id="${h}"`));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe('the evidence picker', () => {
  it('finds entries by title', async () => {
    const report = 'Great Communities\n\nLibrary – We will open a new library in Melton by spring 2026.\n';
    await w.s.imports.run([{ name: 'promise.txt', bytes: new TextEncoder().encode(report) }], { planId: w.planId, reportYear: 2024 });
    const commitmentId = (await w.s.commitments.list(w.users.admin))[0].id;
    await w.s.entries.create(w.users.officer, { title: 'Library building work began', kind: 'update', body: 'Begun.' });
    await w.s.entries.create(w.users.officer, { title: 'Library opened its doors', kind: 'achievement', body: 'Opened.' });
    const officer = await as('officer');
    const html = await (await officer.get(`/manage/commitments/${commitmentId}?q=library`)).text();
    const options = [...html.slice(html.indexOf('id="entryId"')).matchAll(/<option value="[^"]+"[^>]*>([^<]+)<\/option>/g)].map((m) => m[1].trim());
    expect(options.every((o) => /library/i.test(o))).toBe(true);
    expect(options).toEqual(expect.arrayContaining(['Library opened its doors', 'Library building work began']));
    expect(html).not.toMatch(/<option value="[^"]+"[^>]*>\s*(Resurfaced|Repair café)/);
    expect(textOf(await (await officer.get(`/manage/commitments/${commitmentId}?q=zzz`)).text())).toContain('No entry’s title contains “zzz”');
  });
});
