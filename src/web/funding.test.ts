// The funding pages over the real spending power and population files: the public comparison and CSV,
// and the workspace what-if whose weights are scaled (and said so) and saved as versioned models.
import { strFromU8, unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINANCE_FILES } from '../../test/helpers/finance.js';
import { manageWorkspace, PASSWORD, type ManageWorkspace } from '../../test/helpers/manage.js';
import { BASE, signedIn } from '../../test/helpers/web.js';
import { createApp } from './app.js';
import { REPORT_2020, readFixture } from '../../test/helpers/reports.js';

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
    expect(csv.split(/\r?\n/)[0]).toBe('code,council,per_head_gbp,rank,gap_gbp_millions,note');
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

  it('offers the money figures of an earlier report\'s financial section, writing nothing until a person adds one', async () => {
    const officer = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const page = await (await officer.get('/manage/funding/story?year=2020/21')).text();
    expect(page).toContain(`action="/manage/funding/story/candidates?year=2020%2F21&amp;_csrf=${officer.csrf}"`);
    const before = await w.s.financeStory.get('2020/21');
    const cookie = [...officer.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const fd = new FormData();
    fd.append('report', new File([readFixture(REPORT_2020)], 'leicestershire-2020.txt', { type: 'text/plain' }));
    const res = await app.request(`${BASE}/manage/funding/story/candidates?year=2020/21&_csrf=${officer.csrf}`, { method: 'POST', headers: { cookie }, body: fd });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/\d+ figures? found in leicestershire-2020\.txt/);
    expect(html).toContain('£210,000,000');
    expect(html).toMatch(/href="\/manage\/funding\/story\?year=2020%2F21&amp;periodKey=[^"]*&amp;target=210000000&amp;title=[^"]*#title">Fill in the savings form/);
    expect(await w.s.financeStory.get('2020/21')).toEqual(before);
    const prefilled = await (await officer.get('/manage/funding/story?year=2020/21&periodKey=2020/21&target=210000000&title=Saved+since+2010')).text();
    expect(prefilled).toMatch(/id="target" name="target" type="text" value="210000000"/);
    const empty = await app.request(`${BASE}/manage/funding/story/candidates?year=2020/21&_csrf=${officer.csrf}`, { method: 'POST', headers: { cookie }, body: new FormData() });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Choose a report file to read');
  });

  it('each finance story form shows its own problem on its own boxes, keeps what was typed there, and is filled in by a figure chosen for it', async () => {
    const officer = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const post = (action: string, fields: Record<string, string>) => officer.post(`/manage/funding/story/${action}?year=2020/21`, fields);
    const boxes = (html: string) => {
      const { document } = parseHTML(html);
      const box = (id: string) => document.getElementById(id) as unknown as { value?: string; getAttribute(n: string): string | null } | null;
      return {
        value: (id: string) => box(id)?.getAttribute('value') ?? '',
        errorOn: (id: string) => document.getElementById(`${id}-error`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
        summary: [...document.querySelectorAll('.govuk-error-summary a')].map((a) => [a.getAttribute('href'), a.textContent?.trim()]),
      };
    };
    const pressure = boxes(await (await post('pressure', { title: 'Flood recovery', kind: 'grant', periodKey: 'next year', amount: '£4m' })).text());
    expect(pressure.summary).toEqual([['#p-periodKey', 'Enter a financial year such as 2021/22']]);
    expect(pressure.errorOn('p-periodKey')).toBe('Error: Enter a financial year such as 2021/22');
    expect([pressure.errorOn('periodKey'), pressure.errorOn('gap-periodKey'), pressure.errorOn('title')]).toEqual([null, null, null]);
    expect([pressure.value('p-title'), pressure.value('p-periodKey'), pressure.value('amount'), pressure.value('title')]).toEqual(['Flood recovery', 'next year', '£4m', '']);
    const gap = boxes(await (await post('gap', { periodKey: '2022/23', gap: 'a lot', note: 'after pay awards' })).text());
    expect(gap.summary).toEqual([['#gap', 'Enter the amount in pounds, such as £1.5m or 250000']]);
    expect([gap.value('gap-periodKey'), gap.value('gap'), gap.value('note'), gap.value('periodKey')]).toEqual(['2022/23', 'a lot', 'after pay awards', '']);
    // A budget gap chosen from an earlier report fills in the budget gap form, its year included.
    const chosen = boxes(await (await officer.get('/manage/funding/story?year=2020/21&periodKey=2021/22&gap=23000000&note=The+gap+next+year')).text());
    expect([chosen.value('gap-periodKey'), chosen.value('gap'), chosen.value('note'), chosen.value('periodKey')]).toEqual(['2021/22', '23000000', 'The gap next year', '']);
  });

  it('the finance story entered in the workspace makes the report\'s financial context: narrative, figures and charts', async () => {
    const officer = await signedIn(app, 'officer@test.gov.uk', PASSWORD);
    const post = (action: string, fields: Record<string, string>) => officer.post(`/manage/funding/story/${action}?year=2020/21`, fields);
    expect((await post('saving', { title: 'Back-office review', periodKey: '2020/21', target: '£2m', delivered: '1,500,000', status: 'on track' })).status).toBe(303);
    expect((await post('saving', { title: 'Libraries', periodKey: '2020/21', target: '£500k', delivered: '', status: 'at risk' })).status).toBe(303);
    expect((await post('gap', { periodKey: '2021/22', gap: '£23m', note: '' })).status).toBe(303);
    expect((await post('gap', { periodKey: '2023/24', gap: '£80m', note: 'after Covid-19' })).status).toBe(303);
    expect((await post('pressure', { title: 'Covid-19 costs', kind: 'cost', periodKey: '2020/21', amount: '£95m' })).status).toBe(303);
    expect((await post('pressure', { title: 'Covid-19 grants', kind: 'grant', periodKey: '2020/21', amount: '£80m' })).status).toBe(303);
    expect((await post('narrative', { narrative: 'We remain one of the lowest funded councils.', fundingModel: 'Older people first' })).status).toBe(303);
    const bad = await post('saving', { title: 'X', periodKey: 'someday', target: 'lots', delivered: '', status: 'on track' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Enter a financial year such as 2021/22');

    const m = await w.s.reports.model({ period: '2020/21', draft: false, group: 'english-upper-tier' });
    const f = m.financial!;
    expect(f.narrative?.[0]).toBe('We remain one of the lowest funded councils.');
    expect(f.narrative).toContain('The savings plan holds 2 savings worth £2.5m; £1.5m of it has been delivered, and 1 saving is at risk or not delivered.');
    expect(f.narrative).toContain('The medium-term financial strategy forecasts a budget gap of £80m by 2023/24.');
    expect(f.narrative).toContain('One-off pressures cost £95m, against £80m of grants to meet them, leaving £15m for the council to find.');
    expect(f.narrative?.join(' ')).toMatch(/£586\.77 of spending power per resident, 146th of 146 in English upper-tier councils/);
    expect(f.narrative?.join(' ')).toMatch(/Under the fair-funding model "Older people first"/);
    expect(f.charts?.map((c) => c.id)).toEqual(['chart-savings', 'chart-budget-gap', 'chart-funding-per-head', 'chart-whatif']);
    const html = (await w.s.reports.build({ period: '2020/21', draft: false, group: 'english-upper-tier', formats: ['html'] }))[0];
    expect(Buffer.from(html.bytes).toString('utf8')).toContain('id="chart-budget-gap"');
    // The Word report draws the four charts as images (with their data tables), not tables alone.
    const docx = (await w.s.reports.build({ period: '2020/21', draft: false, group: 'english-upper-tier', formats: ['docx'] }))[0];
    const zip = unzipSync(docx.bytes);
    const media = Object.keys(zip).filter((n) => n.startsWith('word/media/'));
    expect(media.length).toBeGreaterThanOrEqual(4);
    for (const n of media) expect([...zip[n].subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    const xml = strFromU8(zip['word/document.xml']);
    for (const id of f.charts!.map((c) => c.id)) expect(xml).toContain(`name="${id}"`);
  });
});
