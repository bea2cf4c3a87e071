// Route tests for the staff workspace, through the real app on a throw-away database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { manageWorkspace, PASSWORD, type ManageWorkspace } from '../../../test/helpers/manage.js';
import { BASE, browser, signedIn } from '../../../test/helpers/web.js';
import { safeNext } from './index.js';

let w: ManageWorkspace;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  w = await manageWorkspace({ maxUploadBytes: 4096 });
  app = createApp(w.s, { cachePages: false });
});
afterAll(async () => { await w.close(); });

const locationOf = (r: Response) => r.headers.get('location') ?? '';

describe('signing in', () => {
  it('sends signed-out visitors to the sign-in page, and back where they were going afterwards', async () => {
    const b = browser(app);
    const r = await b.get('/manage/entries?state=draft');
    expect(r.status).toBe(302);
    expect(locationOf(r)).toBe('/manage/sign-in?next=%2Fmanage%2Fentries');
    await b.get('/manage/sign-in?next=%2Fmanage%2Fentries');
    const ok = await b.post('/manage/sign-in', { email: 'viewer@test.gov.uk', password: PASSWORD, next: '/manage/entries' });
    expect([ok.status, locationOf(ok)]).toEqual([303, '/manage/entries']);
    expect((await b.get('/manage/entries')).status).toBe(200);
  });

  it('sets an HttpOnly, SameSite=Lax session cookie, Secure except on localhost, and rotates it on sign-in', async () => {
    const b = browser(app);
    await b.get('/manage/sign-in');
    const first = await b.post('/manage/sign-in', { email: 'viewer@test.gov.uk', password: PASSWORD });
    const cookie = first.headers.getSetCookie().find((c) => c.startsWith('compendium_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\/manage/);
    expect(cookie).not.toMatch(/Secure/);
    const token1 = b.cookies.get('compendium_session');
    await b.get('/manage/sign-in');
    // Signing in again (another person at the same browser) replaces the token; the old one is dead.
    await b.get('/manage');
    await b.post('/manage/sign-in', { email: 'viewer@test.gov.uk', password: PASSWORD });
    expect(b.cookies.get('compendium_session')).not.toBe(token1);
    const stale = await app.request(`${BASE}/manage`, { headers: { cookie: `compendium_session=${token1}` } });
    expect(stale.status).toBe(302);

    const remote = await app.request('https://staff.example.org/manage/sign-in');
    const signInCookie = remote.headers.getSetCookie().join('\n');
    expect(signInCookie).toMatch(/compendium_signin=[^;]+;.*Secure/);
  });

  it('shows an error summary for a wrong password and throttles repeated failures with 429', async () => {
    const b = browser(app);
    await b.get('/manage/sign-in');
    const bad = await b.post('/manage/sign-in', { email: 'admin@test.gov.uk', password: 'not the password' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('govuk-error-summary');
    expect(html).toContain('The email address or password is not right');
    const empty = await b.post('/manage/sign-in', { email: '', password: '' });
    expect(await empty.text()).toMatch(/Enter your email address[\s\S]*Enter your password/);
    for (let i = 0; i < 5; i++) await b.post('/manage/sign-in', { email: 'throttle@test.gov.uk', password: 'wrong' });
    expect((await b.post('/manage/sign-in', { email: 'throttle@test.gov.uk', password: 'wrong' })).status).toBe(429);
  });

  it('signs out, and signs out everywhere', async () => {
    const one = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const two = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    expect(locationOf(await one.post('/manage/sign-out'))).toBe('/manage/sign-in');
    expect((await one.get('/manage')).status).toBe(302);
    expect((await two.get('/manage')).status).toBe(200);
    const three = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    await three.post('/manage/sign-out-everywhere');
    expect((await two.get('/manage')).status).toBe(302);
    expect((await three.get('/manage')).status).toBe(302);
  });

  it('only follows addresses inside the workspace after signing in', () => {
    expect(safeNext('/manage/entries')).toBe('/manage/entries');
    expect(safeNext('//evil.example/manage')).toBe('/manage');
    expect(safeNext('https://evil.example/')).toBe('/manage');
    expect(safeNext('/manage/../x')).toBe('/manage');
    expect(safeNext('/manageevil')).toBe('/manage');
  });
});

describe('CSRF', () => {
  it('refuses a POST without the session’s token, or with another’s, with 403 and changes nothing', async () => {
    const b = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const other = await signedIn(app, 'admin@test.gov.uk', PASSWORD);
    const fields = { title: 'CSRF attempt', kind: 'update', body: 'x' };
    expect((await b.post('/manage/entries', fields, { csrf: null })).status).toBe(403);
    expect((await b.post('/manage/entries', fields, { csrf: other.csrf })).status).toBe(403);
    expect((await b.post('/manage/entries', fields, { csrf: '' })).status).toBe(403);
    const list = await w.s.entries.list(w.users.admin, {});
    expect(list.items.some((e) => e.title === 'CSRF attempt')).toBe(false);
    expect((await b.post('/manage/entries', fields)).status).toBe(303);
  });

  it('protects the sign-in form too', async () => {
    const b = browser(app);
    await b.get('/manage/sign-in');
    expect((await b.post('/manage/sign-in', { email: 'admin@test.gov.uk', password: PASSWORD }, { csrf: null })).status).toBe(403);
    expect((await browser(app).post('/manage/sign-in', { email: 'admin@test.gov.uk', password: PASSWORD }, { csrf: 'made-up' })).status).toBe(403);
  });
});

describe('entries through the workspace', () => {
  it('contributor writes and submits; officer approves and publishes; it appears on the public site and in search', async () => {
    const contributor = await signedIn(app, 'contributor@test.gov.uk', PASSWORD);
    const form = await (await contributor.get('/manage/entries/new')).text();
    expect(form).toContain('Write a new entry');
    const created = await contributor.post('/manage/entries', {
      title: 'Opened the Quorn library hub', kind: 'achievement', service: 'Highways', outcomeId: w.outcomes[0].id, periodKey: '2024/25',
      body: 'The new hub in Melton opened to 2,000 visitors.', places: 'Melton', partners: 'Friends of the Library',
    });
    expect(created.status).toBe(303);
    const entryUrl = locationOf(created).split('?')[0];
    expect(locationOf(created)).toContain('done=entry-created');
    const page = await (await contributor.get(locationOf(created))).text();
    expect(page).toContain('The entry was saved as a draft.');
    expect(page).toContain('Submit for approval');
    expect((await contributor.post(`${entryUrl}/workflow`, { step: 'submit' })).status).toBe(303);

    const id = entryUrl.split('/').pop()!;
    expect((await app.request(`${BASE}/entries/${id}`)).status).toBe(404);

    const officer = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const dash = await (await officer.get('/manage')).text();
    expect(dash).toContain('Opened the Quorn library hub');
    expect((await officer.post(`${entryUrl}/workflow`, { step: 'approve' })).status).toBe(303);
    const published = await officer.post(`${entryUrl}/workflow`, { step: 'publish', confirm: 'yes' });
    expect(locationOf(published)).toContain('done=entry-publish');
    expect(await (await officer.get(locationOf(published))).text()).toContain('it is now on the public site');

    const pub = await app.request(`${BASE}/entries/${id}`);
    expect(pub.status).toBe(200);
    expect(await pub.text()).toContain('Opened the Quorn library hub');
    const search = await (await app.request(`${BASE}/search?q=Quorn`)).text();
    expect(search).toContain(`/entries/${id}`);

    const history = await (await officer.get(`${entryUrl}/history`)).text();
    for (const step of ['Created', 'Submitted for approval', 'Approved', 'Published']) expect(history).toContain(step);
  });

  it('shows the error summary and inline errors, keeping what was typed', async () => {
    const b = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const r = await b.post('/manage/entries', { title: '', kind: 'update', body: 'Kept text', periodKey: 'soon', date: '2024-02-31' });
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain('govuk-error-summary');
    expect(html).toMatch(/<a href="#title">Enter a title<\/a>/);
    expect(html).toContain('id="periodKey-error"');
    expect(html).toContain('id="date-error"');
    expect(html).toContain('Kept text');
    expect(html).toMatch(/<title>Error: /);
  });

  it('needs a comment to return an entry, and shows it to the author', async () => {
    const id = await w.s.entries.create(w.users.contributor, { title: 'To be returned', kind: 'update', body: 'x', service: 'Highways' });
    await w.s.entries.transition(w.users.contributor, id, 'submit');
    const officer = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const noComment = await officer.post(`/manage/entries/${id}/workflow`, { step: 'return', comment: ' ' });
    expect(noComment.status).toBe(400);
    expect(await noComment.text()).toContain('Enter a comment for the author');
    expect((await officer.post(`/manage/entries/${id}/workflow`, { step: 'return', comment: 'Add the <b>numbers</b>' })).status).toBe(303);
    const contributor = await signedIn(app, 'contributor@test.gov.uk', PASSWORD);
    const page = await (await contributor.get(`/manage/entries/${id}`)).text();
    expect(page).toContain('Add the &lt;b&gt;numbers&lt;/b&gt;');
    expect(await (await contributor.get('/manage')).text()).toContain('To be returned');
    // A step that does not fit the state is a conflict, not a crash.
    expect((await officer.post(`/manage/entries/${id}/workflow`, { step: 'publish', confirm: 'yes' })).status).toBe(409);
  });

  it('escapes script in titles, text and comments, in the workspace and on the public site', async () => {
    const b = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const attack = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const r = await b.post('/manage/entries', { title: `Hi ${attack}`, kind: 'update', body: `Text ${attack} [link](javascript:alert(3))`, places: attack, partners: attack });
    const url = locationOf(r).split('?')[0];
    const id = url.split('/').pop()!;
    for (const html of [await (await b.get(url)).text(), await (await b.get('/manage/entries')).text(), await (await b.get(`${url}/history`)).text()]) {
      expect(html).not.toContain('<script>alert');
      expect(html).not.toMatch(/<img[^>]*onerror/i);
      expect(html).not.toMatch(/href="javascript:/i);
    }
    await b.post(`${url}/workflow`, { step: 'submit' });
    await b.post(`${url}/workflow`, { step: 'approve' });
    await b.post(`${url}/workflow`, { step: 'publish', confirm: 'yes' });
    const pub = await (await app.request(`${BASE}/entries/${id}`)).text();
    expect(pub).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(pub).not.toContain('<script>alert');
    expect(pub).not.toMatch(/<img[^>]*onerror/i);
  });
});

describe('indicator values through the workspace', () => {
  it('enters, submits, approves and publishes a value', async () => {
    const contributor = await signedIn(app, 'contributor@test.gov.uk', PASSWORD);
    const bad = await contributor.post('/manage/values', { indicatorId: w.indicators[0].id, periodKey: '2024/25', value: 'about ten', status: 'final' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Enter a number');
    const saved = await contributor.post('/manage/values', { indicatorId: w.indicators[0].id, periodKey: '2024/25', value: '71.4', status: 'final', note: '' });
    expect(saved.status).toBe(303);
    const url = locationOf(saved).split('?')[0];
    expect(url).toBe(`/manage/values/${w.indicators[0].id}/FY2024-25`);
    expect((await contributor.post(`${url}/workflow`, { step: 'submit' })).status).toBe(303);
    const officer = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    expect(await (await officer.get('/manage')).text()).toContain('IND1: Test indicator 1');
    await officer.post(`${url}/workflow`, { step: 'approve' });
    expect(locationOf(await officer.post(`${url}/workflow`, { step: 'publish', confirm: 'yes' }))).toContain('done=value-publish');
    const v = await w.s.values.get(w.users.viewer, { indicatorId: w.indicators[0].id, areaCode: 'E10000018', periodKey: 'FY2024-25' });
    expect([v.observation.value, v.observation.workflowState]).toEqual([71.4, 'published']);
    expect(await (await officer.get(`${url}/history`)).text()).toContain('Published');
  });
});

describe('indicators and targets through the workspace', () => {
  it('adds an indicator, edits it, and lists it with its outcome and owner', async () => {
    const officer = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const form = (over: Record<string, string> = {}) => ({
      code: 'CW-01', title: 'Streets cleaned to standard', unit: 'percent', decimalPlaces: '1', polarity: 'higher', frequency: 'annual-financial',
      outcomeId: w.outcomes[1].id, ownerId: w.users.contributor.id, source: 'Street surveys', definition: 'Share of surveyed streets at grade B or better.', changeTolerance: '0.5', ...over,
    });
    const created = await officer.post('/manage/indicators', form());
    expect([created.status, locationOf(created)]).toEqual([303, '/manage/indicators/CW-01?done=indicator-created']);
    const page = await (await officer.get('/manage/indicators/CW-01?done=indicator-created')).text();
    expect(page).toContain('The indicator was added.');
    expect(page).toContain('Share of surveyed streets at grade B or better.');
    expect(await w.s.indicators.get('CW-01')).toMatchObject({ title: 'Streets cleaned to standard', outcomeId: w.outcomes[1].id, ownerId: w.users.contributor.id, changeTolerance: 0.5, source: 'Street surveys' });

    const edited = await officer.post('/manage/indicators/CW-01', form({ code: 'CW-02', title: 'Streets clean', polarity: 'lower', source: '' }));
    expect(locationOf(edited)).toBe('/manage/indicators/CW-02?done=indicator-updated');
    expect(await w.s.indicators.get('CW-02')).toMatchObject({ title: 'Streets clean', polarity: 'lower', source: null });
    expect((await officer.get('/manage/indicators/CW-01')).status).toBe(404);
    // Moving it to another outcome leaves the old outcome's theme behind; staying keeps it.
    await w.s.indicators.update('CW-02', { outcomeId: w.outcomes[0].id, themeId: w.outcomes[0].themeIds[0] });
    await officer.post('/manage/indicators/CW-02', form({ code: 'CW-02', outcomeId: w.outcomes[0].id }));
    expect((await w.s.indicators.get('CW-02')).themeId).toBe(w.outcomes[0].themeIds[0]);
    await officer.post('/manage/indicators/CW-02', form({ code: 'CW-02', title: 'Streets clean', polarity: 'lower', source: '' }));
    expect((await w.s.indicators.get('CW-02')).themeId).toBeNull();

    const viewer = await signedIn(app, 'viewer@test.gov.uk', PASSWORD);
    const list = await (await viewer.get('/manage/indicators')).text();
    expect(list).toMatch(/<a class="govuk-link" href="\/manage\/indicators\/CW-02">CW-02<\/a>[\s\S]*?Streets clean[\s\S]*?Lower is better[\s\S]*?Clean and Green[\s\S]*?contributor/);
    expect(list).not.toContain('Add an indicator');
    expect(list).toContain('href="/manage/indicators"');
    const history = await (await officer.get('/manage/indicators/CW-02/history')).text();
    expect(history).toMatch(/Created[\s\S]*Edited[\s\S]*CW-01 → CW-02/);
  });

  it('shows the service’s problems in the error summary and inline, keeping what was typed', async () => {
    const officer = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const bad = await officer.post('/manage/indicators', { code: 'has spaces', title: '', unit: 'percent', decimalPlaces: 'two', polarity: 'higher', frequency: 'annual-financial', changeTolerance: '' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('govuk-error-summary');
    expect(html).toContain('id="decimalPlaces-error"');
    expect(html).toContain('value="two"');
    const invalid = await (await officer.post('/manage/indicators', { code: 'has spaces', title: '', unit: 'percent', decimalPlaces: '9', polarity: 'higher', frequency: 'annual-financial' })).text();
    expect(invalid).toMatch(/<a href="#code">a code is letters, digits, dot, dash or underscore<\/a>/);
    expect(invalid).toMatch(/<a href="#title">an indicator needs a title<\/a>/);
    expect(invalid).toContain('id="decimalPlaces-error"');
    expect(invalid).toContain('value="has spaces"');
    const dup = await officer.post('/manage/indicators', { code: 'ind2', title: 'Twice', unit: 'count', decimalPlaces: '0', polarity: 'none', frequency: 'monthly' });
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain('id="code-error"');
    expect((await w.s.indicators.list()).some((i) => i.title === 'Twice')).toBe(false);
  });

  it('sets and replaces the council’s target for a period, and rejects a period it cannot read', async () => {
    const officer = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const url = `/manage/indicators/${w.indicators[0].code}`;
    const set = await officer.post(`${url}/targets`, { period: '2024/25', value: '75', tolerance: '2', toleranceKind: 'absolute' });
    expect(locationOf(set)).toBe(`${url}?done=target-saved`);
    await officer.post(`${url}/targets`, { period: 'FY2024-25', value: '77.5', tolerance: '5', toleranceKind: 'percent' });
    const targets = await w.s.targets.list({ indicator: w.indicators[0].code, area: 'E10000018' });
    expect(targets.map((t) => [t.periodKey, t.value, t.tolerance, t.toleranceKind])).toEqual([['FY2024-25', 77.5, 5, 'percent']]);
    const page = await (await officer.get(`${url}?done=target-saved`)).text();
    expect(page).toContain('The target was saved.');
    expect(page).toMatch(/2024\/25[\s\S]*?77\.5/);

    const bad = await officer.post(`${url}/targets`, { period: 'next spring', value: 'lots', toleranceKind: 'absolute' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="value-error"');
    expect(html).toContain('value="next spring"');
    const badPeriod = await (await officer.post(`${url}/targets`, { period: 'next spring', value: '3', toleranceKind: 'absolute' })).text();
    expect(badPeriod).toContain('id="period-error"');
    expect(await w.s.targets.list({ indicator: w.indicators[0].code })).toHaveLength(1);
    expect(await (await officer.get(`${url}/history`)).text()).toMatch(/Created[\s\S]*Edited[\s\S]*77\.5/);

    // Removing it: a button per target, then the page says so, and the history still shows it.
    expect(page).toContain(`action="${url}/targets/FY2024-25/delete"`);
    const removed = await officer.post(`${url}/targets/FY2024-25/delete`, {});
    expect(locationOf(removed)).toBe(`${url}?done=target-removed`);
    expect(await w.s.targets.list({ indicator: w.indicators[0].code })).toEqual([]);
    expect(await (await officer.get(`${url}?done=target-removed`)).text()).toContain('No targets have been set for the council yet.');
    const history = await (await officer.get(`${url}/history`)).text();
    expect(history).toMatch(/77\.5/);
    expect((await officer.post(`${url}/targets/FY2024-25/delete`, {})).status).toBe(404);
  });

  it('sends signed-out visitors to sign in, and hides the forms from those who may not use them', async () => {
    const out = browser(app);
    const r = await out.get('/manage/indicators/new');
    expect([r.status, locationOf(r)]).toEqual([302, '/manage/sign-in?next=%2Fmanage%2Findicators%2Fnew']);
    const contributor = await signedIn(app, 'contributor@test.gov.uk', PASSWORD);
    const page = await (await contributor.get(`/manage/indicators/${w.indicators[0].code}`)).text();
    expect(page).not.toContain('Set a target');
    expect(page).not.toContain('/edit');
    expect((await contributor.post(`/manage/indicators/${w.indicators[0].code}/targets`, { period: '2030/31', value: '1' })).status).toBe(403);
  });
});

describe('uploads', () => {
  const multipart = (name: string, content: string, csrf: string, extra: Record<string, string> = {}) => {
    const fd = new FormData();
    fd.append('_csrf', csrf);
    for (const [k, v] of Object.entries(extra)) fd.append(k, v);
    fd.append('file', new File([content], name, { type: 'text/csv' }));
    return fd;
  };
  const post = (b: Awaited<ReturnType<typeof signedIn>>, body: FormData) =>
    app.request(`${BASE}/manage/uploads/indicators`, { method: 'POST', headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, body });

  it('lists every row error and imports nothing when any row is wrong', async () => {
    const b = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const csv = 'indicator,area,period,value\nIND2,E10000018,2023/24,12.5\nIND2,NOT-AN-AREA,2023/24,3\nIND2,E10000018,someday,4\n';
    const r = await post(b, multipart('values.csv', csv, b.csrf));
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain('values.csv was not imported');
    expect(html).toMatch(/NOT-AN-AREA|area/);
    expect((html.match(/<tr class="govuk-table__row">\s*<td class="govuk-table__cell govuk-table__cell--numeric">[34]</g) ?? []).length).toBe(2);
    expect(await w.s.values.list(w.users.admin, { indicatorId: w.indicators[1].id })).toEqual([]);
  });

  it('imports a good file and shows what it did', async () => {
    const b = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const r = await post(b, multipart('good.csv', 'indicator,area,period,value\nIND2,E10000018,2023/24,12.5\nIND2,E07000133,2023/24,\n', b.csrf, { workflowState: 'draft' }));
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('Import complete');
    expect(html).toContain('saved as drafts');
    const values = await w.s.values.list(w.users.admin, { indicatorId: w.indicators[1].id });
    expect(values.map((v) => [v.value, v.workflowState])).toEqual([[12.5, 'draft']]);
    // A second file changing the figure shows in the value's history, next to changes made here.
    await post(b, multipart('again.csv', 'indicator,area,period,value\nIND2,E10000018,2023/24,13.25\n', b.csrf, { workflowState: 'draft' }));
    const history = await (await b.get(`/manage/values/${w.indicators[1].id}/FY2023-24/history`)).text();
    expect(history).toMatch(/value<\/dt><dd>12\.5 → 13\.25/);
  });

  it('previews a report with its sections mapped to outcomes, and imports it as confirmed', async () => {
    const b = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const report = 'Great Communities\n\nOur aim is thriving towns.\n\nLibrary hub – a new library hub opened in Melton in 2024.\n\n'
      + 'Clean and Green\n\nOur aim is a cleaner county.\n\nRecycling – the recycling rate rose to 51% across the county in 2024.\n';
    const fd = new FormData();
    fd.append('_csrf', b.csrf);
    fd.append('report', new File([report], 'testshire-2024.txt', { type: 'text/plain' }));
    const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const preview = await app.request(`${BASE}/manage/uploads/report`, { method: 'POST', headers: { cookie }, body: fd });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain('Check the import');
    expect(html).toContain('Nothing has been saved yet');
    const token = /name="token" value="([^"]+)"/.exec(html)![1];
    const sections = [...html.matchAll(/name="section" value="([^"]+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(['Great Communities', 'Clean and Green']);
    expect(await w.s.entries.list(w.users.admin, { pageSize: 200 }).then((l) => l.items.some((e) => /Library hub/.test(e.title)))).toBe(false);
    // The upload waits in the database, not in the web process: another process takes the confirmation.
    const other = browser(createApp(w.s, { cachePages: false }));
    for (const [k, v] of b.cookies) other.cookies.set(k, v);
    other.csrf = b.csrf;
    // Confirm, moving the second section under the first outcome.
    const done = await other.post('/manage/uploads/report/confirm', { token, section: sections, outcome: [w.outcomes[0].id, w.outcomes[0].id] });
    // Straight to the review of its batch: drafts, nothing public yet.
    expect(done.status).toBe(303);
    expect(locationOf(done)).toMatch(/^\/manage\/imports\/[0-9a-f-]{36}\?done=batch-imported$/);
    expect(await (await other.get(locationOf(done))).text()).toContain('The report was imported as drafts.');
    const items = (await w.s.entries.list(w.users.admin, { pageSize: 200 })).items.filter((e) => /Library hub|Recycling/.test(e.title));
    expect(items.map((e) => e.outcomeId)).toEqual([w.outcomes[0].id, w.outcomes[0].id]);
    // The preview cannot be confirmed twice.
    expect((await b.post('/manage/uploads/report/confirm', { token, section: sections, outcome: ['', ''] })).status).toBe(400);
  });

  it('lists the commitments and saves a new status from the commitment’s page', async () => {
    const report = 'Clean and Green\n\nBypass – The new bypass is expected to open in early 2025.\n';
    const imported = await w.s.imports.run([{ name: 'bypass.txt', bytes: new TextEncoder().encode(report) }], { planId: w.planId, reportYear: 2023 });
    await w.s.importBatches.publish(w.users.officer, imported.files[0].batchId!); // on the public site, so its status can be seen there
    const officer = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const list = await (await officer.get('/manage/commitments')).text();
    expect(list).toContain('href="/manage/commitments"'); // in the navigation
    const id = /href="\/manage\/commitments\/([^"?]+)">The new bypass/.exec(list)![1];
    const page = await (await officer.get(`/manage/commitments/${id}`)).text();
    expect(page).toContain('Where does it stand?');
    // A new status goes for approval: nothing changes publicly until a reviewer publishes it.
    const saved = await officer.post(`/manage/commitments/${id}`, { status: 'delivered', note: 'Opened on 3 March, 15 months late.', action: 'submit' });
    expect(locationOf(saved)).toBe(`/manage/commitments/${id}?done=proposal-submit`);
    const waiting = await (await officer.get(`/manage/commitments/${id}?done=proposal-submit`)).text();
    expect(waiting).toContain('The new status was submitted for approval.');
    expect(waiting).toMatch(/Status\s*<\/dt>[\s\S]{0,120}In progress/);
    expect(waiting).toMatch(/New status\s*<\/dt>[\s\S]{0,120}Delivered/);
    expect(await (await officer.get('/manage')).text()).toContain('Commitment statuses awaiting approval or publication');
    expect(await (await app.request('/commitments')).text()).not.toContain('15 months late');
    expect(locationOf(await officer.post(`/manage/commitments/${id}/proposal`, { step: 'approve' }))).toBe(`/manage/commitments/${id}?done=proposal-approve`);
    // Publishing asks first, as an entry's does.
    expect(await (await officer.post(`/manage/commitments/${id}/proposal`, { step: 'publish' })).text()).toContain('Publish this status?');
    expect(locationOf(await officer.post(`/manage/commitments/${id}/proposal`, { step: 'publish', confirm: 'yes' }))).toBe(`/manage/commitments/${id}?done=proposal-publish`);
    const after = await (await officer.get(`/manage/commitments/${id}?done=proposal-publish`)).text();
    expect(after).toContain('The new status was published');
    expect(after).toMatch(/Status\s*<\/dt>[\s\S]{0,120}Delivered/);
    // The public list shows the note beside the status.
    const pub = await (await app.request('/commitments')).text();
    expect(pub).toMatch(/Delivered[\s\S]{0,200}Opened on 3 March, 15 months late\./);
    expect(await (await officer.get(`/manage/commitments/${id}/history`)).text()).toContain('Opened on 3 March, 15 months late.');
    expect(await (await officer.get('/manage/commitments?status=delivered')).text()).toContain('The new bypass');
    const bad = await officer.post(`/manage/commitments/${id}`, { status: 'finished' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('id="status-error"');
    // Link the entry that shows it kept, then unlink it.
    const entryId = /<option value="([^"]+)">Bypass – /.exec(after)![1];
    expect(locationOf(await officer.post(`/manage/commitments/${id}/evidence`, { entryId }))).toBe(`/manage/commitments/${id}?done=evidence-linked`);
    expect(await (await officer.get(`/manage/commitments/${id}`)).text()).toContain(`action="/manage/commitments/${id}/evidence/${entryId}/delete"`);
    expect(locationOf(await officer.post(`/manage/commitments/${id}/evidence/${entryId}/delete`, {}))).toBe(`/manage/commitments/${id}?done=evidence-unlinked`);
    expect((await officer.post(`/manage/commitments/${id}/evidence`, { entryId: '' })).status).toBe(400);
    // A viewer sees the page without the forms.
    const viewer = await signedIn(app, 'viewer@test.gov.uk', PASSWORD);
    const seen = await (await viewer.get(`/manage/commitments/${id}`)).text();
    expect(seen).not.toContain('Where does it stand?');
    expect(seen).not.toContain('Link the entry');
    // The evidence picker narrows by title and outcome, and sorts as asked.
    const found = await (await officer.get(`/manage/commitments/${id}?q=bypass&sort=title`)).text();
    const choices = [...found.slice(found.indexOf('id="entryId"')).matchAll(/<option value="[^"]+">([^<]+)<\/option>/g)].map((m) => m[1]);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.every((t) => /bypass/i.test(t))).toBe(true);
    expect(choices).toEqual([...choices].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(await (await officer.get(`/manage/commitments/${id}?q=no-such-words`)).text()).toContain('No entry matches');
  });

  it('refuses an oversized upload with a clear 413 before reading it', async () => {
    const b = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const r = await post(b, multipart('big.csv', 'indicator,area,period,value\n' + 'IND2,E10000018,2023/24,1\n'.repeat(400), b.csrf));
    expect(r.status).toBe(413);
    expect(await r.text()).toContain('Uploads can be at most');
  });
});

describe('administration and audit', () => {
  it('adds a user with a generated password shown once, who can then sign in', async () => {
    const admin = await signedIn(app, 'admin@test.gov.uk', PASSWORD);
    const r = await admin.post('/manage/users', { email: 'fresh@test.gov.uk', name: 'Fresh Person', role: 'contributor', services: 'Libraries\nParks', outcomeIds: w.outcomes[1].id });
    expect(r.status).toBe(200);
    const password = /<code>([a-z2-9-]+)<\/code>/.exec(await r.text())![1];
    const fresh = await signedIn(app, 'fresh@test.gov.uk', password);
    expect(await (await fresh.get('/manage')).text()).toContain('Fresh Person');
    const dup = await admin.post('/manage/users', { email: 'fresh@test.gov.uk', name: 'Again', role: 'viewer' });
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain('There is already a user with the email');
  });

  it('changes settings that the public site then shows, and rejects bad ones inline', async () => {
    const admin = await signedIn(app, 'admin@test.gov.uk', PASSWORD);
    const bad = await admin.post('/manage/settings', { councilName: 'X', logoUrl: 'javascript:alert(1)', brandColour: 'blue' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('id="brandColour-error"');
    expect(locationOf(await admin.post('/manage/settings', { councilName: 'Testshire Council', logoUrl: '', brandColour: '#005eb8' }))).toContain('done=settings-saved');
    expect(await (await app.request(`${BASE}/`)).text()).toContain('Testshire Council');
  });

  it('exports the audit trail as CSV', async () => {
    const officer = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const r = await officer.get('/manage/audit/export.csv?type=entry');
    expect(r.headers.get('content-type')).toContain('text/csv');
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const csv = await r.text();
    expect(csv.split('\r\n')[0]).toBe('id,at,user_id,user_name,action,what,entity_type,entity_id,record,changes');
    expect(csv).toContain(',publish,Published,entry,');
    expect((await officer.get('/manage/audit/export.csv?from=yesterday')).status).toBe(400);
    const contributor = await signedIn(app, 'contributor@test.gov.uk', PASSWORD);
    expect((await contributor.get('/manage/audit/export.csv')).status).toBe(403);
  });
});
