// The reports section of the workspace on the demo: the officer asks for a draft and watches it being
// made, previews it and sends it; the administrator publishes; a signed-out visitor downloads every
// format from the public Reports page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { demoTestServices } from '../../../test/helpers/demo.js';
import { browser, signedIn, type Browser } from '../../../test/helpers/web.js';

let demo: Awaited<ReturnType<typeof demoTestServices>>;
let app: ReturnType<typeof createApp>;
let officer: Browser;
let admin: Browser;

beforeAll(async () => {
  demo = await demoTestServices();
  app = createApp(demo, { cachePages: false });
  officer = await signedIn(app, 'performance@demoshire.example', 'demoshire-performance');
  admin = await signedIn(app, 'admin@demoshire.example', 'demoshire-admin');
}, 60_000);
afterAll(async () => {
  await demo.reportVersions.idle();
  await demo.close();
});

const html = async (r: Response | Promise<Response>) => (await r).text();

describe('publishing from the workspace', () => {
  it('goes from a draft the officer makes to files anyone can download', async () => {
    const form = await html(officer.get('/manage/reports'));
    expect(form).toContain('Make the draft');
    const period = /<select class="govuk-select" id="period" name="period"[^>]*>\s*<option value="([^"]+)" selected/.exec(form)?.[1];
    expect(period).toMatch(/^FY\d{4}-\d{2}$/);
    const asked = await officer.post('/manage/reports', { plan: '', period: period!, group: '' });
    expect(asked.status).toBe(303);
    const where = asked.headers.get('location')!;
    expect(where).toMatch(/^\/manage\/reports\/[\w-]+\?done=report-requested$/);
    const id = where.split('/')[3].split('?')[0];
    // The answer comes at once; the page refreshes itself while the report is made.
    const waiting = await html(officer.get(`/manage/reports/${id}`));
    if (!waiting.includes('Send for approval')) expect(waiting).toContain('<meta http-equiv="refresh" content="3">');
    await demo.reportVersions.idle();
    const ready = await html(officer.get(`/manage/reports/${id}`));
    expect(ready).not.toContain('http-equiv="refresh"');
    for (const f of ['html', 'pdf', 'docx', 'md', 'csv', 'json']) expect(ready).toContain(`/manage/reports/${id}/files/${f}`);
    const preview = await officer.get(`/manage/reports/${id}/preview`);
    expect(preview.headers.get('content-security-policy')).toContain("style-src 'unsafe-inline'");
    expect(await preview.text()).toContain('DRAFT');
    // Only an administrator publishes; the officer sends it.
    expect((await officer.post(`/manage/reports/${id}/publish`, { note: '' })).status).toBe(403);
    expect((await officer.post(`/manage/reports/${id}/submit`)).status).toBe(303);
    const toApprove = await html(admin.get(`/manage/reports/${id}`));
    expect(toApprove).toContain('Approve and publish');
    expect((await admin.post(`/manage/reports/${id}/publish`, { note: '' })).status).toBe(303);
    expect((await admin.post(`/manage/reports/${id}/publish`, { note: '' })).status).toBe(409);
    await demo.reportVersions.idle();
    const visitor = browser(app);
    const list = await html(visitor.get('/reports'));
    expect(list).toMatch(/Version 1, published \d{1,2} \w+ \d{4}, approved by Alex Morgan\./);
    const links = [...list.matchAll(/href="(\/reports\/[^"]+)" download>/g)].map((m) => m[1]);
    expect(links).toHaveLength(6);
    for (const link of links) {
      const res = await visitor.get(link.replace(/&amp;/g, '&'));
      expect(res.status, link).toBe(200);
      expect((await res.arrayBuffer()).byteLength, link).toBeGreaterThan(100);
    }
  }, 180_000);

  it('refuses a correction without a note of what changed, keeping the form', async () => {
    // The same workspace served where Chromium is missing: this draft's PDF is not the subject.
    const noPdf = demo.alsoWith({ chromiumPath: '/nowhere/chromium' });
    const other = createApp(noPdf, { cachePages: false });
    const [officer, admin] = [await signedIn(other, 'performance@demoshire.example', 'demoshire-performance'), await signedIn(other, 'admin@demoshire.example', 'demoshire-admin')];
    const asked = await officer.post('/manage/reports', { plan: '', period: '', group: '' });
    const id = asked.headers.get('location')!.split('/')[3].split('?')[0];
    await noPdf.reportVersions.idle();
    await officer.post(`/manage/reports/${id}/submit`);
    const refused = await admin.post(`/manage/reports/${id}/publish`, { note: '' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('write a short note of what changed');
  }, 180_000);
});
