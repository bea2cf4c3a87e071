// The funding pages over the real spending power and population files: the public comparison and CSV,
// and the workspace what-if whose weights are scaled (and said so) and saved as versioned models.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINANCE_FILES } from '../../test/helpers/finance.js';
import { manageWorkspace, PASSWORD, type ManageWorkspace } from '../../test/helpers/manage.js';
import { BASE, signedIn } from '../../test/helpers/web.js';
import { createApp } from './app.js';

let w: ManageWorkspace;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  w = await manageWorkspace();
  await w.s.workspace.updateSettings({ councilCode: 'E10000018', councilName: 'Leicestershire County Council' });
  await w.s.financeData.importFiles([{ source: FINANCE_FILES.spendingPower }, { source: FINANCE_FILES.mye2020 }]);
  app = createApp(w.s, { cachePages: false });
}, 120_000);
afterAll(async () => w?.close());

describe('funding pages', () => {
  it('the public page shows funding per head, rank, gaps with the formula, a chart and a CSV', async () => {
    const res = await app.request(`${BASE}/funding?period=2020/21`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('£586.77</span> spending power per head');
    expect(html).toMatch(/146 of 146<\/span> in the group/);
    expect(html).toContain('(their spending power per head − ours) × our population');
    expect(html).toContain('id="chart-funding-per-head"');
    expect(html).toMatch(/Northamptonshire<\/th>[\s\S]*?No data[\s\S]*?no POP-ALL-AGES value for E10000021 dated within 2020\/21/);
    const csv = await (await app.request(`${BASE}/funding.csv?period=2020/21&group=english-upper-tier`)).text();
    expect(csv.split('\n')[0]).toBe('code,council,per_head_gbp,rank,gap_gbp_millions,note');
    expect(csv).toContain('E10000018,Leicestershire,586.77,146,,this council');
  });

  it('a bad query is a clear 400', async () => {
    const res = await app.request(`${BASE}/funding?period=<script>`);
    expect(res.status).toBe(400);
  });

  it('the workspace what-if reruns with the weights given, scales them to 100% and saves versions', async () => {
    const officer = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const page = await (await officer.get('/manage/funding?w-POP-65-PLUS=20&w-POP-0-17=10&w-POP-ALL-AGES=10&period=2020/21')).text();
    expect(page).toContain('The weights summed to 40%, so each was scaled to make 100%: POP-65-PLUS 50%, POP-0-17 25%, POP-ALL-AGES 25%.');
    expect(page).toMatch(/Leicestershire: £[\d,.]+m under this model against £418\.4m actual, a gain of/);
    const bad = await officer.get('/manage/funding?w-POP-65-PLUS=abc');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Enter the weight for people aged 65 and over as a percentage of 0 or more');
    const fields = { 'w-POP-65-PLUS': '40', 'w-POP-0-17': '30', 'w-POP-ALL-AGES': '30', name: 'Older people first' };
    expect(await (await officer.post('/manage/funding/models', fields)).text()).toContain('Saved “Older people first” as version 1.');
    expect(await (await officer.post('/manage/funding/models', { ...fields, 'w-POP-65-PLUS': '50' })).text()).toContain('as version 2.');
    const viewer = await signedIn(app, 'viewer@test.gov.uk', PASSWORD);
    expect((await viewer.post('/manage/funding/models', fields)).status).toBe(403);
  });
});
