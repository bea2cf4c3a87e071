// The team work pages through the real app: the grid as a plain form (no script), templates, bulk
// confirmation, conversations, e-mail choices, and the pages reached from an e-mail without signing in.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { manageWorkspace, PASSWORD, type ManageWorkspace } from '../../../test/helpers/manage.js';
import { BASE, browser, signedIn, type Browser } from '../../../test/helpers/web.js';

let w: ManageWorkspace;
let app: ReturnType<typeof createApp>;
let contributor: Browser;
let officer: Browser;
beforeAll(async () => {
  w = await manageWorkspace();
  app = createApp(w.s, { cachePages: false });
  contributor = await signedIn(app, 'contributor@test.gov.uk', PASSWORD);
  officer = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
});
afterAll(async () => { await w.close(); });

const field = (id: string) => `value-${id}`;
const mails = () => (fs.existsSync(w.s.config.mail.folder) ? fs.readdirSync(w.s.config.mail.folder).sort().map((f) => fs.readFileSync(path.join(w.s.config.mail.folder, f), 'utf8')) : []);

describe('the values grid as a form', () => {
  it('shows the grid, names each wrong cell and saves nothing, then submits', async () => {
    const page = await (await contributor.get('/manage/values/grid?period=Q3+2024%2F25')).text();
    expect(page).toContain('Values for Q3 2024/25');
    expect(page).toContain(`name="${field(w.indicators[0].id)}"`);
    expect(page).not.toContain(`name="${field(w.indicators[1].id)}"`);

    const bad = await contributor.post('/manage/values/grid', { period: 'FY2024-25-Q3', action: 'submit', [field(w.indicators[0].id)]: '45%' });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('IND1: Leave out the percent sign: enter 45');
    expect(html).toContain('value="45%"');
    expect(html).toContain('Save the valid ones as drafts');
    expect((await w.s.grid.grid(w.users.contributor, 'FY2024-25-Q3')).lines[0].hasValue).toBe(false);

    const ok = await contributor.post('/manage/values/grid', { period: 'FY2024-25-Q3', action: 'submit', [field(w.indicators[0].id)]: '45', [`commentary-${w.indicators[0].id}`]: 'Up after the spring campaign' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/manage/values/grid?period=FY2024-25-Q3&done=grid-submitted');
    await w.s.outbox.sendDue();
    expect(mails().some((m) => m.includes('Subject: Compendium: 1 indicator value submitted for approval') && m.includes('To: officer@test.gov.uk'))).toBe(true);
  });

  it('downloads a template and reads an uploaded one back into the grid, refusing one for another period', async () => {
    const csv = await contributor.get('/manage/values/grid/template.csv?period=FY2024-25-Q4');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="values-FY2024-25-Q4.csv"');
    const text = (await csv.text()).replace(/(FY2024-25-Q4,IND1,[^\r]*?),,\r\n/, '$1,52,\r\n');
    const upload = async (content: string, period: string) => {
      const body = new FormData();
      body.append('period', period);
      body.append('template', new File([content], 'values.csv', { type: 'text/csv' }));
      body.append('_csrf', contributor.csrf);
      const cookie = [...contributor.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      return app.request(`${BASE}/manage/values/grid/upload`, { method: 'POST', headers: { cookie }, body });
    };
    const filled = await upload(text, 'FY2024-25-Q4');
    const page = await filled.text();
    expect(filled.status).toBe(200);
    expect(page).toContain('values.csv: 1 value is in the grid below and not saved yet.');
    expect(page).toContain('value="52"');
    const wrong = await upload(text, 'FY2024-25-Q2');
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('values.csv is for Q4 2024/25 (row 2), but this grid is for Q2 2024/25');
  });

  it('lists what bulk approval will change, and applies it', async () => {
    const confirm = await (await officer.get('/manage/values/bulk?step=approve')).text();
    expect(confirm).toContain('These 1 value will change');
    const id = /name="ids" type="checkbox" value="([^"]+)"/.exec(confirm)![1];
    const r = await officer.post('/manage/values/bulk', { step: 'approve', ids: [id] });
    expect(r.headers.get('location')).toBe('/manage/values?done=bulk-approved');
    expect((await (await officer.get('/manage/values/bulk?step=approve')).text())).toContain('there is nothing to approve');
    expect((await contributor.get('/manage/values/bulk?step=approve')).status).toBe(403);
  });
});

describe('conversations and choices', () => {
  it('adds a comment to a value’s conversation, kept with its history', async () => {
    const url = `/manage/values/${w.indicators[0].id}/FY2024-25-Q3`;
    const r = await officer.post('/manage/comments', { subjectType: 'value', subjectId: `${w.indicators[0].id}/E10000018/FY2024-25-Q3`, comment: 'Is the spring campaign figure final?', back: url });
    expect(r.headers.get('location')).toBe(`${url}?done=comment-added`);
    const page = await (await contributor.get(url)).text();
    expect(page).toContain('Is the spring campaign figure final?');
    expect(page).toContain('Up after the spring campaign');
    expect(await (await officer.get(`${url}/history`)).text()).toContain('Is the spring campaign figure final?');
    const empty = await officer.post('/manage/comments', { subjectType: 'value', subjectId: `${w.indicators[0].id}/E10000018/FY2024-25-Q3`, comment: ' ', back: url });
    expect(empty.status).toBe(400);
  });

  it('saves a person’s e-mail choices, and unsubscribes from a link without signing in', async () => {
    await contributor.post('/manage/account/notifications', { kinds: ['returned', 'reminder'] });
    expect(await w.s.notifications.preferences(w.users.contributor)).toEqual(['returned', 'reminder']);
    await w.s.notifications.setPreferences(w.users.officer, ['submitted']);
    await w.s.grid.save(w.users.contributor, 'FY2023-24-Q1', [{ indicatorId: w.indicators[0].id, value: '7', commentary: '' }], 'submit');
    await w.s.outbox.sendDue();
    const token = /unsubscribe\?token=(\S+)/.exec(mails().at(-1)!)![1];
    const stranger = browser(app);
    const page = await (await stranger.get(`/manage/unsubscribe?token=${token}`)).text();
    expect(page).toContain('Stop these e-mails');
    const done = await stranger.post('/manage/unsubscribe', { token: decodeURIComponent(token) });
    expect(await done.text()).toContain('will no longer get e-mails for: something is submitted for approval (reviewers)');
    expect(await w.s.notifications.preferences(w.users.officer)).toEqual([]);
    const bad = await stranger.post('/manage/unsubscribe', { token: 'abc.def' });
    expect(bad.status).toBe(400);
  });

  it('shows an expired or reused link plainly, and an administrator the messages that failed', async () => {
    const stranger = browser(app);
    const r = await stranger.get('/manage/link/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('This link is not one Compendium sent');
    const admin = await signedIn(app, 'admin@test.gov.uk', PASSWORD);
    expect(await (await admin.get('/manage/outbox')).text()).toContain('No message has failed.');
    expect((await officer.get('/manage/outbox')).status).toBe(403);
    expect(await (await officer.get('/manage/calendar/team')).text()).toContain('What is due, by owner');
  });
});
