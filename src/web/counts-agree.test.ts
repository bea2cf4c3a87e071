// One count everywhere: the public home page, the compendium page, the report and its CSV (and the
// site's compendium CSV) say the same number of indicators, the same RAG counts and the same
// missing measures, on the demo and on the real Oflog adult social care measures for Leicestershire
// against its Oflog nearest neighbours (2022/23: the carers' measures ASC1 and ASC4 were not
// published that year, and must be listed as missing, not silently left out).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { services, type Services } from '../services/index.js';
import { demoTestServices } from '../../test/helpers/demo.js';
import { testStore } from '../../test/helpers/store.js';
import { createApp } from './app.js';

const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data');
const RAGS = ['green', 'amber', 'red', 'no-target', 'missing'] as const;
type Counts = { indicators: number } & Record<(typeof RAGS)[number], number>;

/** What each of the four places says, read from what it shows. */
async function countsEverywhere(s: Services, app: ReturnType<typeof createApp>) {
  const home = (await s.site.home())!;
  const homeCounts: Counts = { indicators: 0, green: 0, amber: 0, red: 0, 'no-target': 0, missing: 0 };
  for (const summary of [...home.outcomes.map((o) => o.performance!), ...home.performance!.groups.map((g) => g.summary)]) {
    homeCounts.indicators += summary.indicators;
    for (const k of RAGS) homeCounts[k] += summary.rag[k];
  }

  const page = await (await app.request('/compendium')).text();
  const said = /reports (\d+) indicators? for [^,]+, compared with [^;]+; (?:every one has a value|(\d+) (?:has|have) no value)/.exec(page)!;
  const figure = (words: string) => Number(new RegExp(`app-figures__number">(\\d+)</span> ${words}<`).exec(page)![1]);
  const listed = ((page.split('id="compendium-missing"')[1] ?? '').split('</ul>')[0].match(/<li>/g) ?? []).length;
  const pageCounts = { indicators: Number(said[1]), green: figure('met target'), amber: figure('near target'), red: figure('missed target'), missing: Number(said[2] ?? 0), listed };

  const model = await s.reports.model({ draft: false });
  const c = model.compendium!;
  const reportCounts = { ...Object.fromEntries(c.summary.rag.map((r) => [r.key, r.count])), indicators: c.summary.indicators, listed: c.missing!.length, inTables: c.outcomes.flatMap((o) => o.rows).length };

  const [csvFile] = await s.reports.build({ formats: ['csv'], draft: false });
  const csvRows: Record<string, string>[] = parse(new TextDecoder().decode(csvFile.bytes), { columns: true, comment: '#' });
  const csvCounts = { indicators: csvRows.length, ...Object.fromEntries(RAGS.map((k) => [k, csvRows.filter((r) => r.rag === k).length])), reasons: csvRows.filter((r) => r.missing_reason).length };

  const siteCsv: Record<string, string>[] = parse(await (await app.request('/compendium.csv')).text(), { columns: true });
  const siteCsvCounts = { indicators: siteCsv.length, ...Object.fromEntries(RAGS.map((k) => [k, siteCsv.filter((r) => r.rag === k).length])) };
  return { homeCounts, pageCounts, reportCounts, csvCounts, siteCsvCounts, model, csvRows };
}

function expectAgreement(x: Awaited<ReturnType<typeof countsEverywhere>>) {
  const { homeCounts: h, pageCounts: p, reportCounts: r, csvCounts: c, siteCsvCounts: sc } = x;
  expect(h.indicators).toBeGreaterThan(0);
  expect(p).toEqual({ indicators: h.indicators, green: h.green, amber: h.amber, red: h.red, missing: h.missing, listed: h.missing });
  expect(r).toEqual({ ...h, listed: h.missing, inTables: h.indicators });
  expect(c).toEqual({ ...h, reasons: h.missing });
  expect(sc).toEqual(h);
}

describe('counts agree on the demo', () => {
  let s: Awaited<ReturnType<typeof demoTestServices>>;
  beforeAll(async () => { s = await demoTestServices(); }, 120_000);
  afterAll(() => s?.close());

  it('home page, compendium page, report and CSV give the same counts', async () => {
    const got = await countsEverywhere(s, createApp(s, { cachePages: false }));
    expectAgreement(got);
    // The demo's context indicator is counted under its source on the home page too.
    expect((await s.site.home())!.performance!.groups.map((g) => g.title)).toEqual(['Invented for the Compendium demo']);
  }, 120_000);
});

describe('counts agree on the Oflog measures for Leicestershire, 2022/23', () => {
  let store: Awaited<ReturnType<typeof testStore>>;
  let s: Services;
  beforeAll(async () => {
    store = await testStore();
    s = services(store, loadConfig({ dataDir: fs.mkdtempSync('/tmp/compendium-test-') }));
    await s.workspace.setCouncil('E10000018');
    await s.plans.create({ title: 'Strategic Plan 2022-26', councilCode: 'E10000018', startDate: '2022-04-01', endDate: '2026-03-31', outcomes: [{ title: 'Great Communities' }] });
    await s.observations.import(path.join(SHARED, 'oflog-asc-metrics.csv'), { polarityFrom: 'rank_order' });
    const neighbours: Record<string, string[]> = JSON.parse(fs.readFileSync(path.join(SHARED, 'oflog-nearest-neighbours.json'), 'utf8'));
    await s.groups.custom('oflog-neighbours', neighbours.E10000018);
    await s.workspace.updateSettings({ defaultGroup: 'oflog-neighbours' });
  }, 120_000);
  afterAll(() => store?.close());

  it('home page, compendium page, report and CSV give the same counts, the two unpublished measures listed as missing', async () => {
    const got = await countsEverywhere(s, createApp(s, { cachePages: false }));
    expectAgreement(got);
    expect(got.homeCounts).toMatchObject({ indicators: 7, missing: 2 });
    const c = got.model.compendium!;
    expect(c.periodLabel).toBe('2022/23');
    expect(c.missing!.map((m) => m.code)).toEqual(['ASC1', 'ASC4']);
    expect(c.missing![0].reason).toBe('No value has been published for 2022/23 by any council in the group yet. The last published value is for 2021/22.');
    // Under their source, not "Other indicators"; and no table without its note on how many councils had a value.
    expect(c.outcomes.map((o) => o.title)).toEqual(['Oflog ASC metrics']);
    expect(c.outcomes[0].coverage).toMatch(/16 councils/);
    expect(got.csvRows.map((r) => r.outcome)).toEqual(Array(7).fill('Oflog ASC metrics'));
    expect(got.csvRows.find((r) => r.indicator_code === 'ASC2')!.value).toBe('0.413');
  }, 120_000);
});
