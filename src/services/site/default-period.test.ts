// The one default period (the latest with published delivery or indicator values) on a workspace
// whose latest period has values but no delivery, and the reverse: every public read takes it, and
// says in a sentence what the period lacks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../store/index.js';
import { bumpDataVersion } from '../../store/queries/dataVersion.js';
import { seededServices } from '../../../test/helpers/site-fixture.js';
import { defaultPeriodKey, periodsWithPublished } from '../default-period.js';

let t: Awaited<ReturnType<typeof seededServices>>;
beforeAll(async () => { t = await seededServices(); });
afterAll(() => t.close());

describe('the default period rule', () => {
  it('is the latest period with published delivery or values, within a plan\'s years when given', () => {
    expect(defaultPeriodKey(['FY2019-20', 'FY2023-24'], ['CY2022'])).toBe('FY2023-24');
    expect(defaultPeriodKey(['FY2019-20'], ['CY2022', 'FY2024-25'])).toBe('FY2024-25');
    expect(defaultPeriodKey(['FY2019-20', 'FY2023-24'], [], { startDate: '2018-04-01', endDate: '2022-03-31' })).toBe('FY2019-20');
    expect(defaultPeriodKey([], [])).toBeUndefined();
    expect(periodsWithPublished(['FY2019-20', 'not a period'], ['FY2019-20', 'CY2020'])).toEqual(['CY2020', 'FY2019-20']);
  });
});

describe('a workspace whose latest period has delivery but no values, then values but no delivery', () => {
  it('shows the latest delivery by default, saying there are no values for it', async () => {
    const { site } = t.s;
    expect((await site.defaultPeriod())?.key).toBe('FY2024-25');
    const outcome = await site.outcome(t.fixture.outcomeSlugs[0]);
    expect([outcome.scope.key, outcome.scope.chosen]).toEqual(['FY2024-25', false]);
    expect(outcome.scope.note).toBe('There are no indicator values for 2024/25 yet; delivery was published for it.');
    expect(outcome.entries.entries.every((e) => e.periodKey === 'FY2024-25')).toBe(true);
    expect((await site.commitments()).period).toEqual({ key: 'FY2024-25', label: '2024/25', chosen: false });
    expect((await t.s.reports.model({ draft: false })).meta.periodKey).toBe('FY2024-25');
  });

  it('moves to a later period with values only, and says nothing delivered in it has been published', async () => {
    await t.store.db.insert(tables.observations).values({ indicatorId: 'i-ksi', areaCode: 'E10000018', periodKey: 'CY2025', value: 280, workflowState: 'published' });
    await bumpDataVersion(t.store.db);
    const { site } = t.s;
    expect((await site.defaultPeriod())?.key).toBe('CY2025');
    const outcome = await site.outcome(t.fixture.outcomeSlugs[0]);
    expect([outcome.scope.key, outcome.scope.hasEntries, outcome.scope.hasValues]).toEqual(['CY2025', false, true]);
    expect(outcome.scope.note).toBe('Nothing delivered in 2025 has been published; there are only indicator values for it.');
    expect(outcome.entries.total).toBe(0);
    // The same period everywhere: entries, commitments, open data's values, the API's indicator, the report.
    expect((await site.entries()).total).toBe(0);
    expect((await site.commitments()).period?.key).toBe('CY2025');
    expect((await site.observations()).map((o) => o.periodKey)).toContain('CY2025');
    expect((await t.s.reports.model({ draft: false })).meta.periodKey).toBe('CY2025');
    const home = (await site.home('2026-06-01'))!;
    expect([home.year.key, home.year.chosen]).toEqual(['CY2025', false]);
    expect(home.note).toBe('Nothing delivered in 2025 has been published yet; the indicator figures are for 2025.');
    // Asked for, the earlier period is still there, with its delivery.
    expect((await site.outcome(t.fixture.outcomeSlugs[0], 1, 'FY2024-25')).entries.total).toBeGreaterThan(0);
  });
});
