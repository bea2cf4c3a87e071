// The reports service on the demo workspace: the full report in every format, publishing, drafts and
// periods with nothing in them.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { ValidationError } from '../errors.js';
import { entryInPeriod } from '../reports/model/index.js';
import { tables, type Store } from '../store/index.js';
import { demoTestServices } from '../../test/helpers/demo.js';
import type { Services } from './index.js';

let s: Services;
let store: { db: Store['db']; close(): Promise<void> };
// One workspace with the demo for the whole file (loading it takes seconds); the test that changes it runs last.
beforeAll(async () => {
  const d = await demoTestServices();
  s = d;
  store = d;
});
afterAll(async () => {
  await store.close();
});

const text = (f: { bytes: Uint8Array }) => new TextDecoder().decode(f.bytes);

describe('the demo report', () => {
  it('comes out complete, with charts, in every format', async () => {
    const stages: string[] = [];
    const files = await s.reports.build({ formats: ['html', 'pdf', 'docx', 'md', 'csv', 'json'], draft: false, onProgress: (stage) => stages.push(stage) });
    expect(files.map((f) => f.format)).toEqual(['html', 'md', 'csv', 'json', 'docx', 'pdf']);
    expect(stages).toEqual(['loading', 'html', 'md', 'csv', 'json', 'docx', 'pdf']);
    const html = text(files[0]);
    const d = parseHTML(html).document;
    expect(d.querySelector('h1')!.textContent).toMatch(/^Annual Delivery Report \d{4}\/\d{2}$/);
    const outcomes = await s.plans.structure();
    for (const o of outcomes.outcomes) expect(d.getElementById(`outcome-${o.slug}`), o.title).not.toBeNull();
    // Every published entry of the year is there once.
    const { periodKey } = (await s.reports.model({ draft: false })).meta;
    const expected = (await store.db.select().from(tables.entries).where(eq(tables.entries.planId, outcomes.plan.id)))
      .filter((e) => e.workflowState === 'published' && entryInPeriod(e, periodKey));
    expect(expected.length).toBeGreaterThan(0);
    expect(d.querySelectorAll('.cmp-entry').length).toBe(expected.length);
    for (const e of expected) expect(d.querySelectorAll(`#entry-${e.id}`).length, e.title).toBe(1);
    // Every indicator with values has a row; charts come with headline, description and data.
    const compendium = await s.performance.compendium({ area: (await s.workspace.settings()).councilCode });
    expect(d.querySelectorAll('.cmp-table--compendium tbody tr').length).toBe(compendium.rows.length);
    expect(d.querySelectorAll('figure svg').length).toBeGreaterThanOrEqual(compendium.rows.length);
    expect(d.querySelectorAll('figure .cmp-figure__description').length).toBe(d.querySelectorAll('figure').length);
    expect(html).toContain('fictional council');
    expect(text(files[2]).split('\n').filter((l) => l && !l.startsWith('#'))).toHaveLength(compendium.rows.length + 1);
    expect(Buffer.from(files[4].bytes.slice(0, 2)).toString()).toBe('PK');
    expect(Buffer.from(files[5].bytes.slice(0, 5)).toString()).toBe('%PDF-');
  });
});

describe('bad input', () => {
  it('refuses a period with nothing in it, naming the periods that have data', async () => {
    const err = await s.reports.build({ formats: ['html'], draft: false, period: '2031/32' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).message).toBe('There is nothing to report for 2031/32: no published entries and no indicator values');
    expect((err as ValidationError).problems[0].message).toMatch(/^periods with data: .*FY2023-24/);
  });

  it('refuses a period it cannot read and a format it does not know', async () => {
    await expect(s.reports.build({ formats: ['html'], draft: false, period: 'last Tuesday' })).rejects.toThrow(/"last Tuesday" cannot be read/);
    await expect(s.reports.build({ formats: ['html', 'pptx' as never], draft: false })).rejects.toThrow('Unknown report format: pptx');
  });
});

describe('drafts', () => {
  it('keeps unpublished entries out of a published report and shows them in a draft', async () => {
    const planId = (await s.plans.currentPlanId())!;
    const [first] = await store.db.select().from(tables.entries).where(eq(tables.entries.planId, planId)).orderBy(asc(tables.entries.position)).limit(1);
    await store.db.update(tables.entries).set({ workflowState: 'submitted', title: 'Not yet approved: new library hours' }).where(eq(tables.entries.id, first.id));
    const period = first.periodKey!;
    const published = text((await s.reports.build({ formats: ['html'], draft: false, period }))[0]);
    const draft = text((await s.reports.build({ formats: ['html'], draft: true, period }))[0]);
    expect(published).not.toContain('Not yet approved: new library hours');
    expect(draft).toContain('Not yet approved: new library hours');
    expect(draft).toContain('Submitted for approval');
    expect(parseHTML(draft).document.querySelector('.cmp-draft-mark')).not.toBeNull();
  });

  it('shows values awaiting approval in a draft, ranked and charted with the group, and leaves them out of a published report', async () => {
    const before = (await s.reports.model({ draft: false })).compendium!;
    const rows = before.outcomes.flatMap((o) => o.rows);
    const row = rows.find((r) => r.rank !== null && r.rank > 1 && r.polarity !== 'none')!;
    const { councilCode } = await s.workspace.settings();
    // A new value better than every other council's, entered but not yet approved.
    const peers = (await s.performance.compendium({ area: councilCode })).rows.find((r) => r.indicator.id === row.indicatorId)!.group;
    const best = row.polarity === 'higher' ? peers.max! + 10 : Math.max(0, peers.min! - 1);
    await s.observations.import({ name: 'pending.csv', content: `period,area,indicator,value\n${before.periodKey},${councilCode},${row.code},${best}\n` }, { workflowState: 'submitted' });

    const published = (await s.reports.model({ draft: false })).compendium!.outcomes.flatMap((o) => o.rows).find((r) => r.indicatorId === row.indicatorId)!;
    expect(published.value).toBeNull();
    expect(published.valueText).toBe('No data');

    const draftModel = await s.reports.model({ draft: true });
    const draft = draftModel.compendium!.outcomes.flatMap((o) => o.rows).find((r) => r.indicatorId === row.indicatorId)!;
    expect(draft.value).toBe(best);
    expect(draft.valueText).toMatch(/ \(not yet approved\)$/);
    expect(draft.rank).toBe(1);
    expect(draft.rankText).toBe(`1 of ${peers.n + (row.value === null ? 1 : 0)}`);
    // Other rows are as published.
    const other = draftModel.compendium!.outcomes.flatMap((o) => o.rows).find((r) => r.indicatorId !== row.indicatorId && r.value !== null)!;
    expect(other.valueText).not.toContain('not yet approved');
    // The charts carry the pending value: the council's dot and the last point of its trend.
    const charts = draftModel.compendium!.charts.filter((c) => draft.chartIds.includes(c.id));
    const position = charts.find((c) => c.kind === 'position')!;
    expect(position.description).toMatch(/ was 1st of \d+/);
    expect(JSON.stringify(charts.find((c) => c.kind === 'trend'))).toContain(String(best));
  });
});
