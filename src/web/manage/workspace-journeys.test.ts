// Route tests for the workspace's rough edges (issue 15): what a contributor, a reviewer and a viewer
// meet when a team runs a year on it, through the real app on a throw-away database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { manageWorkspace, PASSWORD, type ManageWorkspace } from '../../../test/helpers/manage.js';
import { signedIn } from '../../../test/helpers/web.js';

let w: ManageWorkspace;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  w = await manageWorkspace();
  app = createApp(w.s, { cachePages: false });
});
afterAll(async () => { await w.close(); });

const locationOf = (r: Response) => r.headers.get('location') ?? '';
const as = (who: 'admin' | 'officer' | 'contributor' | 'viewer') => signedIn(app, `${who}@test.gov.uk`, PASSWORD);
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
