// Links across years on the web: the workspace's suggestions accepted or rejected through the
// forms, the public timeline of a scheme (published entries only), and "what changed" as a page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { manageWorkspace, PASSWORD, type ManageWorkspace } from '../../test/helpers/manage.js';
import { browser, signedIn } from '../../test/helpers/web.js';

let w: ManageWorkspace;
let app: ReturnType<typeof createApp>;
const report = (lines: string[]) => new TextEncoder().encode(lines.join('\n\n'));

beforeAll(async () => {
  w = await manageWorkspace();
  app = createApp(w.s, { cachePages: false });
  const earlier = await w.s.imports.run([{ name: 'report-2020.txt', bytes: report(['Great Communities', 'Melton Distributor Road – work continued on the road to support new homes in Melton Mowbray.']) }], { planId: w.planId, reportYear: 2020 });
  await w.s.importBatches.publish(w.users.officer, earlier.files[0].batchId!);
  const later = await w.s.imports.run([{ name: 'report-2024.txt', bytes: report(['Great Communities', 'Melton road – construction continued on the Melton Mowbray distributor road.', 'Libraries – we opened a library in Oadby.']) }], { planId: w.planId, reportYear: 2024 });
  await w.s.importBatches.publish(w.users.officer, later.files[0].batchId!);
  await w.s.links.suggest(w.users.officer, { periodKey: 'FY2023-24' });
});
afterAll(async () => { await w.close(); });

describe('links in the workspace', () => {
  it('lists suggestions with their score and reason, and accepts one into a named scheme', async () => {
    const b = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const html = await (await b.get('/manage/links')).text();
    expect(html).toContain('Melton Distributor Road');
    expect(html).toMatch(/Both name “melton mowbray”/);
    const [link] = await w.s.links.list(w.users.viewer, { state: 'suggested' });
    const r = await b.post(`/manage/links/${link.id}/accept`, { scheme: 'Melton Mowbray Distributor Road' });
    expect([r.status, r.headers.get('location')]).toEqual([303, '/manage/links?done=link-accepted']);
    const scheme = await (await b.get('/manage/links/schemes/melton-mowbray-distributor-road')).text();
    expect(scheme).toContain('Melton road');
  });

  it('shows a viewer the links without the forms to decide them, and refuses a viewer’s decision', async () => {
    const b = await signedIn(app, 'viewer@test.gov.uk', PASSWORD);
    const html = await (await b.get('/manage/links?state=accepted')).text();
    expect(html).toContain('Melton Mowbray Distributor Road');
    expect(html).not.toContain('/reject"');
    const [link] = await w.s.links.list(w.users.viewer, { state: 'accepted' });
    expect((await b.post(`/manage/links/${link.id}/reject`)).status).toBe(403);
  });
});

describe('history on the public site', () => {
  it('shows a scheme’s timeline of published entries by year, and lists the schemes', async () => {
    const b = browser(app);
    const html = await (await b.get('/schemes/melton-mowbray-distributor-road')).text();
    expect(html.indexOf('2019/20')).toBeGreaterThan(0);
    expect(html.indexOf('2019/20')).toBeLessThan(html.indexOf('2023/24'));
    expect(html).toContain('Melton road');
    expect(await (await b.get('/schemes')).text()).toContain('href="/schemes/melton-mowbray-distributor-road"');
    expect((await b.get('/schemes/no-such-scheme')).status).toBe(404);
  });

  it('shows what changed between two periods, and a bad period in one sentence', async () => {
    const b = browser(app);
    const html = await (await b.get('/changes?from=2019/20&to=2023/24')).text();
    expect(html).toContain('What changed from 2019/20 to 2023/24');
    expect(html).toContain('No commitment fell due between 2019/20 and 2023/24.');
    const bad = await b.get('/changes?from=someday&to=2023/24');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('The period &quot;someday&quot; is not valid');
  });
});
